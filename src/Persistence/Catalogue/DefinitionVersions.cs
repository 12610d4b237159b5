using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Catalogue;

/// Published workflow definition versions. Once a version is published its content is fixed: cases
/// started on it keep running it after the file changes or disappears, and a file that changes a
/// published version without a new version number is refused rather than silently re-read.
public sealed class DefinitionVersions(NpgsqlDataSource dataSource)
{
    /// Publishes the versions not yet stored and returns their ids as `id@version`.
    /// <exception cref="DefinitionVersionEditedException">A published version's content differs from the file.</exception>
    public Task<IReadOnlyList<string>> PublishAsync(IEnumerable<PublishedDefinition> definitions, CancellationToken cancellationToken = default) =>
        PublishAsync(definitions, publishedBy: null, cancellationToken);

    /// As above, recording the staff member who published them.
    public async Task<IReadOnlyList<string>> PublishAsync(IEnumerable<PublishedDefinition> definitions, string? publishedBy,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Hosts starting together publish one after the other; the second finds everything stored.
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtext('workflow_definitions'))",
            transaction: transaction, cancellationToken: cancellationToken));
        var stored = (await connection.QueryAsync<(string Id, int Version, string Checksum)>(new CommandDefinition(
            "select id, version, checksum from workflow_definitions", transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.Id, r.Version), r => r.Checksum);

        var published = new List<string>();
        foreach (var definition in definitions)
        {
            var checksum = Checksum(definition.Json);
            if (stored.TryGetValue((definition.Id, definition.Version), out var existing))
            {
                if (existing != checksum)
                {
                    throw new DefinitionVersionEditedException(definition.Id, definition.Version, definition.Source);
                }
                continue;
            }
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into workflow_definitions (id, version, content, checksum, published_by)
                values (@Id, @Version, @Json::jsonb, @checksum, (select id from staff where id = @publishedBy))
                """, new { definition.Id, definition.Version, definition.Json, checksum, publishedBy }, transaction, cancellationToken: cancellationToken));
            published.Add($"{definition.Id}@{definition.Version}");
        }
        await transaction.CommitAsync(cancellationToken);
        return published;
    }

    /// Every published version's content, to load beside the files.
    public async Task<IReadOnlyList<PublishedDefinition>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, int Version, string Json)>(new CommandDefinition(
            "select id, version, content::text from workflow_definitions order by id, version", cancellationToken: cancellationToken));
        return rows.Select(r => new PublishedDefinition(r.Id, r.Version, r.Json, $"published {r.Id}@{r.Version}")).ToList();
    }

    /// Every published version, without its content: when and by whom it was published.
    public async Task<IReadOnlyList<DefinitionVersionEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, int Version, DateTime PublishedAt, string? PublishedBy)>(new CommandDefinition(
            "select id, version, published_at, published_by from workflow_definitions order by id, version", cancellationToken: cancellationToken));
        return rows.Select(r => new DefinitionVersionEntry(r.Id, r.Version, new DateTimeOffset(DateTime.SpecifyKind(r.PublishedAt, DateTimeKind.Utc)), r.PublishedBy))
            .ToList();
    }

    // The checksum is over the parsed JSON as PostgreSQL normalises it, so reformatting a file
    // (indentation, key order) is not an edit; a changed value is.
    private static string Checksum(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var canonical = Canonical(document.RootElement);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Canonical(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => System.Text.Json.JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        System.Text.Json.JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        _ => element.GetRawText(),
    };
}
