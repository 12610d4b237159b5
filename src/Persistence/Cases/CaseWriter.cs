using Npgsql;
using NpgsqlTypes;

namespace ServiceWindow.Persistence.Cases;

/// Turns one case change into the statements of one batch: one round trip, one transaction (the
/// caller's, or the implicit one PostgreSQL gives a batch). The idempotency record comes first, so
/// a concurrent retry fails before anything else. A new case is the intake statement
/// (<see cref="OpenCaseStatement"/>), the only special path; an existing case is a batch of one
/// through <see cref="CaseBatchWriter"/>, the path every other write takes.
public static class CaseWriter
{
    // The PostgreSQL error codes the schema raises or that a lost race produces.
    internal const string VersionConflictState = "SW409";
    internal const string UniqueViolationState = "23505";
    private const string ForeignKeyViolationState = "23503";
    private const string CasesWindowForeignKey = "cases_window_id_fkey";
    private const string CasesPrimaryKey = "cases_pkey";
    private const string HistoryPrimaryKey = "case_history_pkey";
    private const string TimersPrimaryKey = "timers_pkey";
    internal const string IdempotencyPrimaryKey = "idempotency_records_pkey";

    public static void Append(NpgsqlBatch batch, CaseChange change, IdempotencyRecord? idempotency = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(change);
        if (idempotency is not null)
        {
            AppendIdempotency(batch, idempotency);
        }
        if (change.IsNewCase)
        {
            AppendOpenCase(batch, change);
            foreach (var finding in change.Findings)
            {
                AppendFinding(batch, change.Case.Id, finding, change.At);
            }
            return;
        }
        // An existing case has one write path, the batch writer's, also for a batch of one.
        CaseBatchWriter.Append(batch, [change], []);
    }

    /// Writes one change as its own batch and maps the database's refusals to ours.
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CaseChange change,
        IdempotencyRecord? idempotency, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        Append(batch, change, idempotency);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (IsConflict(e))
        {
            throw new ConcurrencyConflictException(change.Case.Id, change.ExpectedVersion, e);
        }
        catch (PostgresException e) when (IsUnknownWindow(e))
        {
            throw new UnknownWindowException(change.Case.WindowId, e);
        }
    }

    public static bool IsUnknownWindow(PostgresException e) =>
        e.SqlState == ForeignKeyViolationState && e.ConstraintName == CasesWindowForeignKey;

    /// A lost race: the guarded update matched nothing, or the case id is taken (a new case's row,
    /// first entry or timers collide with the existing case's, whichever of them the server writes
    /// first), or another writer appended the same history sequence first. Changes to existing
    /// cases upsert their timers, so only a new case can collide on a timer key.
    public static bool IsConflict(PostgresException e) =>
        e.SqlState == VersionConflictState
        || (e.SqlState == UniqueViolationState && e.ConstraintName is CasesPrimaryKey or HistoryPrimaryKey or TimersPrimaryKey);

    public static bool IsIdempotencyRace(PostgresException e) =>
        e.SqlState == UniqueViolationState && e.ConstraintName == IdempotencyPrimaryKey;

    private static void AppendIdempotency(NpgsqlBatch batch, IdempotencyRecord record) =>
        Add(batch,
            """
            insert into idempotency_records (key, case_id, action, request_hash, result)
            values ($1, $2, $3, $4, $5::jsonb)
            """,
            record.Key, record.CaseId, record.Action, record.RequestHash, record.ResultJson);

    private static void AppendOpenCase(NpgsqlBatch batch, CaseChange change) =>
        batch.BatchCommands.Add(OpenCaseStatement.Command(change, change.LinkHistory()));

    /// The case's history head once the change is written, from its already linked entries.
    internal static string? Head(CaseChange change, IReadOnlyList<LinkedHistoryRow> history) =>
        history.Count > 0 ? history[^1].Hash : change.ChainHead;

    internal static void AppendFinding(NpgsqlBatch batch, Guid caseId, FindingRow finding, DateTimeOffset at) =>
        Add(batch,
            """
            insert into findings (id, kind, case_id, responsible_staff_id, reason, evidence_sequences, opened_at)
            values ($1, $2, $3, $4, $5, $6, $7)
            """,
            finding.Id, finding.Kind, caseId, finding.ResponsibleStaffId, finding.Reason, finding.EvidenceSequences.ToArray(), at);

    internal static void Add(NpgsqlBatch batch, string sql, params object?[] values) => batch.BatchCommands.Add(Command(sql, values));

    /// A batch command with its parameters typed up front: Npgsql then skips inferring a type from
    /// each value on every execution, which the write path, run thousands of times, notices.
    internal static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value },
                DateTimeOffset instant => new NpgsqlParameter { Value = instant.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                DateTime utc => new NpgsqlParameter { Value = utc, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                string text => new NpgsqlParameter { Value = text, NpgsqlDbType = NpgsqlDbType.Text },
                Guid id => new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid },
                int number => new NpgsqlParameter { Value = number, NpgsqlDbType = NpgsqlDbType.Integer },
                long number => new NpgsqlParameter { Value = number, NpgsqlDbType = NpgsqlDbType.Bigint },
                bool flag => new NpgsqlParameter { Value = flag, NpgsqlDbType = NpgsqlDbType.Boolean },
                string[] texts => new NpgsqlParameter { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                Guid[] ids => new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                int[] numbers => new NpgsqlParameter { Value = numbers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
                int?[] numbers => new NpgsqlParameter { Value = numbers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
                long[] numbers => new NpgsqlParameter { Value = numbers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
                bool[] flags => new NpgsqlParameter { Value = flags, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Boolean },
                DateTime[] instants => new NpgsqlParameter { Value = instants, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                DateTime?[] instants => new NpgsqlParameter { Value = instants, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                _ => new NpgsqlParameter { Value = value },
            });
        }
        return command;
    }
}
