using System.Text.Json;
using Dapper;
using Npgsql;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// The frozen figures of closed months (`statistics_frozen_rows`), one row per dimension and key.
internal static class FrozenRows
{
    public static IReadOnlyList<StatisticsDimension> Dimensions { get; } =
        [StatisticsDimension.Department, StatisticsDimension.Window, StatisticsDimension.Staff, StatisticsDimension.Item, StatisticsDimension.Total];

    public static string Name(StatisticsDimension dimension) => dimension.ToString().ToLowerInvariant();

    public static string CountsJson(MonthlyFigures figures)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var values = figures.Counts;
        for (var i = 0; i < values.Count; i++)
        {
            counts[MonthlyFigures.CountNames[i]] = values[i];
        }
        return JsonSerializer.Serialize(counts);
    }

    public static MonthlyFigures FromCountsJson(string json)
    {
        var counts = JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? [];
        return MonthlyFigures.FromCounts([.. MonthlyFigures.CountNames.Select(n => counts.GetValueOrDefault(n))]);
    }

    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly month,
        IEnumerable<FigureRow> rows, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into statistics_frozen_rows (month, dimension, key, counts)
            values (@month, @dimension, @key, @counts::jsonb)
            """,
            rows.Select(r => new { month = month.ToDateTime(TimeOnly.MinValue), dimension = Name(r.Dimension), key = r.Key, counts = CountsJson(r.Figures) }),
            transaction, cancellationToken: cancellationToken));

    public static async Task<List<FigureRow>> ReadAsync(NpgsqlConnection connection, DateOnly month, StatisticsDimension dimension,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Key, string Counts)>(new CommandDefinition(
            """
            select key, counts::text
            from statistics_frozen_rows
            where month = @month and dimension = @dimension
            order by key collate "C"
            """,
            new { month = month.ToDateTime(TimeOnly.MinValue), dimension = Name(dimension) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new FigureRow(dimension, r.Key, FromCountsJson(r.Counts)))];
    }
}
