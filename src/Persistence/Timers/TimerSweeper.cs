using Npgsql;
using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Persistence.Timers;

/// Fires due timers. A batch is one transaction: claim due timers and their cases with
/// `for update skip locked` (a second sweeper, on this host or another, takes different rows and
/// never waits), run the engine, delete the fired timers and write the effects, commit. A crash
/// before the commit leaves every claimed timer due, so it fires once, later; never twice.
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

        await using var batch = new NpgsqlBatch(connection, transaction);
        var fired = 0;
        var failed = new List<(DueTimer Timer, string Error)>();
        var done = new List<DueTimer>();
        foreach (var group in claimed.GroupBy(c => c.Case.Id))
        {
            var current = group.First().Case;
            foreach (var (timer, _) in group)
            {
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
                done.Add(timer);
                if (change is null)
                {
                    continue;
                }
                CaseWriter.Append(batch, change);
                current = current with
                {
                    Stage = change.Case.Stage,
                    Version = change.Case.Version,
                    HistoryLength = change.Case.HistoryLength,
                    StateJson = change.Case.StateJson,
                };
                fired++;
            }
        }

        // Deleting before the effects lets a firing reschedule a timer under its own key.
        if (done.Count > 0)
        {
            batch.BatchCommands.Insert(0, DeleteFired(done));
        }
        foreach (var (timer, error) in failed)
        {
            batch.BatchCommands.Add(PushBack(timer, error, now + options.RetryDelay(timer.Attempts + 1)));
        }
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (CaseWriter.IsConflict(e))
        {
            // Cannot happen while the claim holds the case rows; kept as a readable failure if it does.
            throw new InvalidOperationException("a timer sweep lost a case it had locked", e);
        }
        await transaction.CommitAsync(cancellationToken);
        return new SweepResult(claimed.Count, fired, failed.Count);
    }

    private async Task<List<(DueTimer Timer, StoredCase Case)>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select t.case_id, t.key, t.name, t.due_at, t.attempts,
                   c.definition_id, c.definition_version, c.stage, c.version, c.history_length, c.state::text
            from timers t
            join cases c on c.id = t.case_id
            where t.due_at <= $1
            order by t.due_at
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
                    reader.GetInt32(9), reader.GetString(10))));
        }
        return claimed;
    }

    private static NpgsqlBatchCommand DeleteFired(List<DueTimer> timers)
    {
        var command = new NpgsqlBatchCommand(
            """
            delete from timers t
            using unnest($1::uuid[], $2::text[]) as fired (case_id, key)
            where t.case_id = fired.case_id and t.key = fired.key
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = timers.Select(t => t.CaseId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = timers.Select(t => t.Key).ToArray() });
        return command;
    }

    private static NpgsqlBatchCommand PushBack(DueTimer timer, string error, DateTimeOffset retryAt)
    {
        var command = new NpgsqlBatchCommand(
            """
            update timers set attempts = attempts + 1, last_error = $3, due_at = $4
            where case_id = $1 and key = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = timer.CaseId });
        command.Parameters.Add(new NpgsqlParameter { Value = timer.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = error });
        command.Parameters.Add(new NpgsqlParameter { Value = retryAt.UtcDateTime });
        return command;
    }
}
