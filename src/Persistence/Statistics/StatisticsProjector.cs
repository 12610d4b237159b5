using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Persistence.Statistics;

/// Keeps `case_facts` up to date for the live figures. Each run looks only at the history recorded
/// since the last run (through the `recorded_at` index) and re-reads the facts of the cases whose
/// history grew, so neither a command nor a report pays for the history's size. A background job
/// calls <see cref="RunAsync"/> every few seconds; several hosts may run it at once.
public sealed class StatisticsProjector(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, TimeProvider clock)
{
    // History entries carry their transaction's start (`now()`) but appear only when it commits. A
    // transaction that can still commit started no earlier than the oldest one open on the database,
    // so the history stamped before that moment is complete: the next run starts there. The margin
    // covers the instant between a transaction's start and its appearance in `pg_stat_activity`.
    // A transaction left open for long holds the horizon back, which costs re-reading, never a miss.
    private const string HorizonSql = """
        select coalesce(min(xact_start), now()) - interval '2 seconds'
        from pg_stat_activity
        where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
          and xact_start is not null
        """;

    private const int BatchSize = 1000;

    /// Projects every case whose history grew since the last run; returns how many cases it read.
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var from = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "select recorded_until from statistics_projection where id = 1", cancellationToken: cancellationToken)) ?? DateTime.UnixEpoch;
        // Taken before the history is read, so everything stamped before it is visible to that read.
        var horizon = await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(HorizonSql, cancellationToken: cancellationToken));
        // A case's entries are numbered from 1 without gaps, so its last new entry gives its length.
        var lagging = (await connection.QueryAsync<(Guid, int)>(new CommandDefinition(
            """
            select n.case_id, n.length
            from (select case_id, max(sequence) as length from case_history where recorded_at > @from group by case_id) n
            left join case_facts f on f.case_id = n.case_id
            where n.length > coalesce(f.history_length, 0)
            """,
            new { from }, cancellationToken: cancellationToken))).ToList();
        var projected = await ProjectAsync(connection, lagging, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into statistics_projection (id, recorded_until) values (1, @until)
            on conflict (id) do update set recorded_until = greatest(statistics_projection.recorded_until, excluded.recorded_until)
            """,
            new { until = horizon }, cancellationToken: cancellationToken));
        return projected;
    }

    /// Projects every case whose facts lag its history, whatever the cursor says (the month close).
    internal async Task<int> CatchUpAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var lagging = (await connection.QueryAsync<(Guid, int)>(new CommandDefinition(
            """
            select c.id, c.history_length
            from cases c
            left join case_facts f on f.case_id = c.id
            where c.history_length > coalesce(f.history_length, 0)
            """, cancellationToken: cancellationToken))).ToList();
        return await ProjectAsync(connection, lagging, cancellationToken);
    }

    private async Task<int> ProjectAsync(NpgsqlConnection connection, List<(Guid, int)> lagging, CancellationToken cancellationToken)
    {
        if (lagging.Count == 0)
        {
            return 0;
        }
        var source = await CaseFactsSource.LoadAsync(connection, catalog, cancellationToken);
        foreach (var batch in lagging.Chunk(BatchSize))
        {
            var facts = await source.ReadAsync(connection, batch, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Facts can be read from the history again, so a batch does not wait for the disk. The
            // cursor's later commit waits, and the log is written in order, so a cursor that
            // survives a crash has its facts behind it; without it the next run projects them anew.
            await connection.ExecuteAsync(new CommandDefinition("set local synchronous_commit = off", transaction: transaction,
                cancellationToken: cancellationToken));
            await CaseFactsTable.WriteAsync(connection, transaction, facts, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return lagging.Count;
    }
}
