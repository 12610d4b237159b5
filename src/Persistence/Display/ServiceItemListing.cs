using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Display;

/// The catalogue rows (short code, fee) that the public guide shows beside each definition.
public sealed class ServiceItemListing(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ServiceItemEntry>> ActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ServiceItemEntry>(new CommandDefinition(
            """
            select code, definition_id as DefinitionId, details ->> 'fee' as Fee
            from service_items
            where active
            order by code
            """, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
