namespace ServiceWindow.Persistence.Catalogue;

/// One definition version's text, with where it came from (a file name, or the published store) for messages.
public sealed record PublishedDefinition
{
    public PublishedDefinition(string id, int version, string json, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Id = id;
        Version = version;
        Json = json;
        Source = source;
    }

    public string Id { get; }
    public int Version { get; }
    public string Json { get; }
    public string Source { get; }
}
