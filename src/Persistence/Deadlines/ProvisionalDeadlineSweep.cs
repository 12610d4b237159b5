using Npgsql;
using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Persistence.Deadlines;

/// After a calendar update, walks the open cases whose deadlines were computed past the calendar's
/// last year and lets the engine recompute them; each change goes into the case's history. Cases
/// are taken in batches with `skip locked`, so a command in progress is not waited for: a case
/// skipped now is met by the next run.
public sealed class ProvisionalDeadlineSweep(NpgsqlDataSource dataSource, IDeadlineRecomputation recomputation, TimeProvider clock, int batchSize = 200)
{
    /// Returns how many cases got new deadlines.
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var changed = 0;
        var after = Guid.Empty;
        while (true)
        {
            var now = clock.GetUtcNow();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var cases = new List<StoredCase>();
            await using (var command = new NpgsqlCommand(
                """
                select id, definition_id, definition_version, stage, version, history_length, state::text, history_head, window_id
                from cases
                where deadlines_provisional and completed_at is null and id > $1
                order by id
                limit $2
                for update skip locked
                """, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = after });
                command.Parameters.Add(new NpgsqlParameter { Value = batchSize });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    cases.Add(new StoredCase(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                        reader.GetInt64(4), reader.GetInt32(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                        reader.IsDBNull(8) ? null : reader.GetString(8)));
                }
            }
            if (cases.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return changed;
            }
            var changes = cases.Select(stored => recomputation.Recompute(stored, now)).OfType<CaseChange>().ToList();
            if (changes.Count > 0)
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                CaseBatchWriter.Append(batch, changes, []);
                await batch.ExecuteNonQueryAsync(cancellationToken);
                changed += changes.Count;
            }
            await transaction.CommitAsync(cancellationToken);
            after = cases[^1].Id;
        }
    }
}
