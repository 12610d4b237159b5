using System.Text;
using Dapper;
using Npgsql;

namespace ServiceWindow.Host.Tests.Hostile;

/// The row count of every table in the database, one line per table, so a refused request can be
/// shown to have written nothing anywhere, also in tables added after these tests were written.
public static class TableCounts
{
    public static async Task<string> ReadAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var tables = await connection.QueryAsync<string>(
            """
            select format('%I.%I', table_schema, table_name)
            from information_schema.tables
            where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
            order by 1
            """);
        var counts = new StringBuilder();
        foreach (var table in tables)
        {
            // The names come from the catalogue above, already quoted by format('%I').
            var count = await connection.ExecuteScalarAsync<long>($"select count(*) from {table}");
            counts.Append(table).Append('=').Append(count).AppendLine();
        }
        return counts.ToString();
    }
}
