using Npgsql;
using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Persistence.Timers;

/// Fires due timers. A batch is one transaction: claim due timers and their cases with
/// `for update skip locked` (a second sweeper, on this host or another, takes different rows and
/// never waits), run the engine, delete the fired timers and write every effect of the batch in a
/// few multi-row statements (<see cref="CaseBatchWriter"/>), commit. A crash before the commit
/// leaves every claimed timer due, so it fires once, later; never twice. A timer the engine cannot
/// fire, or whose case the database refuses to write, is pushed back without holding up the rest.
/// The claim walks the due-instant index from the oldest, so a sweep with nothing due costs one
/// index probe however many timers are pending.
public sealed class TimerSweeper(NpgsqlDataSource dataSource, ITimerFiring firing, TimeProvider clock, TimerSweepOptions? options = null)
{
    private readonly TimerSweepOptions options = options ?? new TimerSweepOptions();

    /// Sweeps batch after batch until one comes back short, or the cancellation token fires.
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var total = new SweepResult();
        for (var batches = 0; batches < options.MaxBatchesPerSweep; batches++)
        {
            var result = await SweepBatchAsync(cancellationToken);
            total += result;
            if (result.Claimed < options.BatchSize)
            {
                break;
            }
        }
        return total;
    }

    public async Task<SweepResult> SweepBatchAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await ClaimAsync(connection, transaction, now, cancellationToken);
        if (claimed.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new SweepResult();
        }

        var failed = new List<(DueTimer Timer, string Error)>();
        var cases = new List<CaseFirings>();
        foreach (var group in claimed.GroupBy(c => c.Case.Id))
        {
            var firings = new CaseFirings();
            var current = group.First().Case;
            CaseChange? previous = null;
            foreach (var (timer, _) in group)
            {
                if (previous is not null)
                {
                    // A second timer of the case fires on top of the first one's change. Only then is
                    // that change's head needed here; the batch writer hashes its entries anyway.
                    current = current with
                    {
                        Stage = previous.Case.Stage,
                        Version = previous.Case.Version,
                        HistoryLength = previous.Case.HistoryLength,
                        StateJson = previous.Case.StateJson,
                        HistoryHead = previous.NewChainHead(),
                    };
                    previous = null;
                }
                CaseChange? change;
                try
                {
                    change = firing.Fire(current, timer, now);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One timer the engine cannot fire (a missing definition, a bug) must not hold up the rest.
                    failed.Add((timer, $"{e.GetType().Name}: {e.Message}"));
                    continue;
                }
                firings.Done.Add(timer);
                if (change is null)
                {
                    continue;
                }
                firings.Changes.Add(change);
                previous = change;
            }
            cases.Add(firings);
        }

        // The whole batch in one round trip; if the database refuses any part of it, each case is
        // retried alone behind its own savepoint, and the cases it still refuses are pushed back.
        var fired = 0;
        await transaction.SaveAsync("batch", cancellationToken);
        try
        {
            await WriteAsync(connection, transaction, cases, cancellationToken);
            fired = cases.Sum(c => c.Changes.Count);
        }
        catch (PostgresException)
        {
            await transaction.RollbackAsync("batch", cancellationToken);
            foreach (var firings in cases)
            {
                await transaction.SaveAsync("one_case", cancellationToken);
                try
                {
                    await WriteAsync(connection, transaction, [firings], cancellationToken);
                    fired += firings.Changes.Count;
                }
                catch (PostgresException e)
                {
                    await transaction.RollbackAsync("one_case", cancellationToken);
                    failed.AddRange(firings.Done.Select(t => (t, $"{e.SqlState}: {e.MessageText}")));
                }
            }
        }
        if (failed.Count > 0)
        {
            await PushBackAsync(connection, transaction, failed, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new SweepResult(claimed.Count, fired, failed.Count);
    }

    private static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CaseFirings> cases,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        CaseBatchWriter.Append(batch, cases.SelectMany(c => c.Changes).ToList(),
            cases.SelectMany(c => c.Done.Select(t => (t.CaseId, t.Key))).ToList());
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task PushBackAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<(DueTimer Timer, string Error)> failed,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            update timers t set attempts = t.attempts + 1, last_error = f.error, due_at = f.retry_at
            from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) as f (case_id, key, error, retry_at)
            where t.case_id = f.case_id and t.key = f.key
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = failed.Select(f => f.Timer.CaseId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failed.Select(f => f.Timer.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failed.Select(f => f.Error).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failed.Select(f => (now + options.RetryDelay(f.Timer.Attempts + 1)).UtcDateTime).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Ties on the due instant are broken by case and key: two timers of one case due together (the
    // promised and the statutory deadline on the same day) must fire in the same order every time,
    // or the case's history differs from one sweep to the next.
    private async Task<List<(DueTimer Timer, StoredCase Case)>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select t.case_id, t.key, t.name, t.due_at, t.attempts,
                   c.definition_id, c.definition_version, c.stage, c.version, c.history_length, c.state::text, c.history_head, c.window_id
            from timers t
            join cases c on c.id = t.case_id
            where t.due_at <= $1
            order by t.due_at, t.case_id, t.key
            limit $2
            for update of t, c skip locked
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = options.BatchSize });
        var claimed = new List<(DueTimer, StoredCase)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var caseId = reader.GetGuid(0);
            claimed.Add((
                new DueTimer(caseId, reader.GetString(1), reader.GetString(2),
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(3)), reader.GetInt32(4)),
                new StoredCase(caseId, reader.GetString(5), reader.GetInt32(6), reader.GetString(7), reader.GetInt64(8),
                    reader.GetInt32(9), reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                    reader.IsDBNull(12) ? null : reader.GetString(12))));
        }
        return claimed;
    }

    /// One case's part of a batch: the timers it took (fired or dropped) and the changes they made.
    private sealed class CaseFirings
    {
        public List<DueTimer> Done { get; } = [];
        public List<CaseChange> Changes { get; } = [];
    }
}
