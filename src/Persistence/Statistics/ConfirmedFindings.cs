using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Statistics;

/// The findings confirmed in a period, counted per window and per person, as the monthly ranking and
/// the quarterly honours charge them: a finding counts against the window it names, else its case's
/// window, else its person's window; and against the person responsible.
internal static class ConfirmedFindings
{
    public static async Task<Dictionary<string, long>> ByWindowAsync(NpgsqlConnection connection, DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Window, long Count)>(new CommandDefinition(
            """
            select coalesce(f.window_id, c.window_id, s.window_id), count(*)
            from findings f
            left join cases c on c.id = f.case_id
            left join staff s on s.id = f.responsible_staff_id
            where f.status = 'confirmed' and f.decided_at >= @start and f.decided_at < @end
              and coalesce(f.window_id, c.window_id, s.window_id) is not null
            group by 1
            """, new { start = start.UtcDateTime, end = end.UtcDateTime }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Window, r => r.Count, StringComparer.Ordinal);

    public static async Task<Dictionary<string, long>> ByPersonAsync(NpgsqlConnection connection, DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Staff, long Count)>(new CommandDefinition(
            """
            select responsible_staff_id, count(*)
            from findings
            where status = 'confirmed' and decided_at >= @start and decided_at < @end
            group by 1
            """, new { start = start.UtcDateTime, end = end.UtcDateTime }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Staff, r => r.Count, StringComparer.Ordinal);
}
