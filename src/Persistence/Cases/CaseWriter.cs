using Npgsql;
using NpgsqlTypes;

namespace ServiceWindow.Persistence.Cases;

/// Turns case changes into the statements of one batch: one round trip, one transaction (the
/// caller's, or the implicit one PostgreSQL gives a batch). Order matters: the idempotency record
/// first, so a concurrent retry fails before anything else; the guarded case write before the
/// history, so a stale command never appends; fired and cancelled timers before new ones, so a
/// timer rescheduled under its own key survives. History entries arrive linked and hashed
/// (<see cref="CaseChange.LinkHistory"/>); the case row records the new head of its chain.
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
        var history = change.LinkHistory();
        AppendGuardedUpdate(batch, change, history);
        foreach (var entry in history)
        {
            AppendHistory(batch, change.Case.Id, entry);
        }
        if (change.TimersToCancel.Count > 0)
        {
            AppendCancelTimers(batch, change.Case.Id, change.TimersToCancel);
        }
        if (change.TimersToSchedule.Count > 0)
        {
            AppendScheduleTimers(batch, change.Case.Id, change.TimersToSchedule);
        }
        foreach (var notification in change.Notifications)
        {
            AppendNotification(batch, change.Case.Id, notification, change.At);
        }
        foreach (var finding in change.Findings)
        {
            AppendFinding(batch, change.Case.Id, finding, change.At);
        }
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

    // The history's link to the stored head is checked with the version: an entry can only follow the
    // entry that is last now.
    private static void AppendGuardedUpdate(NpgsqlBatch batch, CaseChange change, IReadOnlyList<LinkedHistoryRow> history)
    {
        var c = change.Case;
        // The aggregate always yields one row; the conflict function runs only when nothing matched,
        // and its error aborts the whole batch.
        Add(batch,
            """
            with updated as (
                update cases set
                    definition_version = $3, service_item_code = $4, stage = $5, version = $6, history_length = $7,
                    first_inquiry_owner = $8, handler_id = $9, accepted_at = $10, promised_deadline = $11,
                    statutory_deadline = $12, deadlines_provisional = $13, warning_level = $14,
                    receipt_number = $15, lookup_secret_hash = $16, completed_at = $17, state = $18::json,
                    updated_at = $19, history_head = $20, window_id = $22
                where id = $1 and version = $2 and history_head is not distinct from $21
                returning 1)
            select case when count(*) = 1 then 1 else case_version_conflict($1, $2) end from updated
            """,
            c.Id, change.ExpectedVersion, c.DefinitionVersion, c.ServiceItemCode, c.Stage, c.Version, c.HistoryLength,
            c.FirstInquiryOwner, c.HandlerId, c.AcceptedAt, c.PromisedDeadline, c.StatutoryDeadline,
            c.DeadlinesProvisional, c.WarningLevel, c.ReceiptNumber, c.LookupSecretHash, c.CompletedAt,
            c.StateJson, change.At, Head(change, history), change.ChainHead, c.WindowId);
    }

    private static void AppendHistory(NpgsqlBatch batch, Guid caseId, LinkedHistoryRow linked)
    {
        var entry = linked.Entry;
        Add(batch,
            """
            insert into case_history (case_id, sequence, kind, actor_id, at, action, from_stage, to_stage, payload, prev_hash, hash)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
            """,
            caseId, entry.Sequence, entry.Kind, entry.ActorId, entry.At, entry.Action, entry.FromStage, entry.ToStage,
            entry.PayloadJson, linked.PreviousHash, linked.Hash);
    }

    private static void AppendCancelTimers(NpgsqlBatch batch, Guid caseId, IReadOnlyList<string> keys) =>
        Add(batch,
            """
            delete from timers where case_id = $1 and key = any($2)
            """,
            caseId, keys.ToArray());

    // One statement for all of a change's timers; keys are distinct within a change.
    private static void AppendScheduleTimers(NpgsqlBatch batch, Guid caseId, IReadOnlyList<TimerRow> timers) =>
        Add(batch,
            """
            insert into timers (case_id, key, name, due_at)
            select $1, t.key, t.name, t.due_at from unnest($2::text[], $3::text[], $4::timestamptz[]) as t (key, name, due_at)
            on conflict (case_id, key) do update set name = excluded.name, due_at = excluded.due_at, attempts = 0, last_error = null
            """,
            caseId, timers.Select(t => t.Key).ToArray(), timers.Select(t => t.Name).ToArray(),
            timers.Select(t => t.DueAt.UtcDateTime).ToArray());

    private static void AppendNotification(NpgsqlBatch batch, Guid caseId, NotificationRow notification, DateTimeOffset at) =>
        Add(batch,
            """
            insert into outbox (case_id, recipient, template, data, created_at, due_at)
            values ($1, $2, $3, $4::jsonb, $5, $5)
            """,
            caseId, notification.Recipient, notification.Template, notification.DataJson, at);

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
