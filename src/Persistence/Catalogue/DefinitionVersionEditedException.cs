namespace ServiceWindow.Persistence.Catalogue;

/// A definition file changed a version that cases may already run on.
public sealed class DefinitionVersionEditedException(string id, int version, string source)
    : Exception($"{source}: workflow '{id}' version {version} differs from the version already published; " +
                "give the change a new version number so running cases keep the version they started on")
{
    public string DefinitionId { get; } = id;
    public int Version { get; } = version;
}
