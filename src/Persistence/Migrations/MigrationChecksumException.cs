namespace ServiceWindow.Persistence.Migrations;

/// An applied migration no longer matches its file. Landed migrations are never edited: a change
/// goes into a new numbered file, so a mismatch means the database and the code disagree.
public sealed class MigrationChecksumException(string name, string applied, string current)
    : Exception($"Migration {name} was edited after it was applied (applied checksum {applied[..12]}, file now {current[..12]}). " +
                "Restore the file and put the change in a new numbered migration.")
{
    public string MigrationName { get; } = name;
}
