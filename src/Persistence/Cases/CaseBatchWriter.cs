using Npgsql;

namespace ServiceWindow.Persistence.Cases;

/// Writes the changes of existing cases as a handful of multi-row statements (array parameters
/// through `unnest`) in one batch: the one write path of an existing case, whether a command's
/// batch of one, the deadline recomputation's or the timer sweep's hundreds. Every case update is
/// guarded by its version and its history head and a miss aborts the batch (`SW409`), so a stale
/// change never appends history; timers that are cancelled or fired are deleted before new ones are
/// written, so a timer rescheduled under its own key survives. Several changes of one case (two timers firing in one batch) must follow each
/// other's versions and chain heads; they are folded into one update guarded by the first, their
/// history appended in order and their timer effects applied in order.
public static class CaseBatchWriter
{
    public static void Append(NpgsqlBatch batch, IReadOnlyList<CaseChange> changes, IReadOnlyList<(Guid CaseId, string Key)> timersToDelete)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(timersToDelete);
        var cases = Fold(changes);

        // Fired and cancelled timers first, so a change that reschedules one of them keeps the new one.
        var deletes = timersToDelete.Concat(cases.SelectMany(c => c.Cancelled.Select(key => (c.Last.Case.Id, key)))).ToList();
        if (deletes.Count > 0)
        {
            CaseWriter.Add(batch,
                """
                delete from timers t
                using unnest($1::uuid[], $2::text[]) as gone (case_id, key)
                where t.case_id = gone.case_id and t.key = gone.key
                """,
                deletes.Select(d => d.Item1).ToArray(), deletes.Select(d => d.Item2).ToArray());
        }
        if (cases.Count == 0)
        {
            return;
        }
        AppendGuardedUpdates(batch, cases);
        AppendHistory(batch, cases);

        var scheduled = cases.SelectMany(c => c.Scheduled.Values.Select(t => (c.Last.Case.Id, Timer: t))).ToList();
        if (scheduled.Count > 0)
        {
            CaseWriter.Add(batch,
                """
                insert into timers (case_id, key, name, due_at)
                select t.case_id, t.key, t.name, t.due_at
                from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) as t (case_id, key, name, due_at)
                on conflict (case_id, key) do update set name = excluded.name, due_at = excluded.due_at, attempts = 0, last_error = null
                """,
                scheduled.Select(s => s.Item1).ToArray(), scheduled.Select(s => s.Timer.Key).ToArray(),
                scheduled.Select(s => s.Timer.Name).ToArray(), scheduled.Select(s => s.Timer.DueAt.UtcDateTime).ToArray());
        }

        var notifications = changes.SelectMany(c => c.Notifications.Select(n => (c.Case.Id, c.At, Row: n))).ToList();
        if (notifications.Count > 0)
        {
            // Ordered by position, so outbox ids follow the order the engine asked for them.
            CaseWriter.Add(batch,
                """
                insert into outbox (case_id, recipient, template, data, created_at, due_at)
                select n.case_id, n.recipient, n.template, n.data::jsonb, n.created_at, n.created_at
                from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
                     with ordinality as n (case_id, recipient, template, data, created_at, position)
                order by n.position
                """,
                notifications.Select(n => n.Item1).ToArray(), notifications.Select(n => n.Row.Recipient).ToArray(),
                notifications.Select(n => n.Row.Template).ToArray(), notifications.Select(n => n.Row.DataJson).ToArray(),
                notifications.Select(n => n.At.UtcDateTime).ToArray());
        }
        // Findings are rare (the last escalation level) and carry an array each: one statement apiece.
        foreach (var change in changes)
        {
            foreach (var finding in change.Findings)
            {
                CaseWriter.AppendFinding(batch, change.Case.Id, finding, change.At);
            }
        }
    }

    private static void AppendGuardedUpdates(NpgsqlBatch batch, List<FoldedCase> cases)
    {
        var rows = cases.Select(c => c.Last.Case).ToList();
        // Every row that matched nothing raises the conflict, which aborts the whole batch.
        CaseWriter.Add(batch,
            """
            with input as (
                select *
                from unnest($1::uuid[], $2::bigint[], $3::integer[], $4::text[], $5::text[], $6::bigint[], $7::integer[],
                            $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::boolean[],
                            $14::text[], $15::text[], $16::text[], $17::timestamptz[], $18::text[], $19::timestamptz[],
                            $20::text[], $21::text[], $22::text[])
                     as n (id, expected, definition_version, service_item_code, stage, version, history_length,
                           first_inquiry_owner, handler_id, accepted_at, promised_deadline, statutory_deadline,
                           deadlines_provisional, warning_level, receipt_number, lookup_secret_hash, completed_at, state,
                           updated_at, history_head, expected_head, window_id)),
            updated as (
                update cases c set
                    definition_version = n.definition_version, service_item_code = n.service_item_code, stage = n.stage,
                    version = n.version, history_length = n.history_length, first_inquiry_owner = n.first_inquiry_owner,
                    handler_id = n.handler_id, accepted_at = n.accepted_at, promised_deadline = n.promised_deadline,
                    statutory_deadline = n.statutory_deadline, deadlines_provisional = n.deadlines_provisional,
                    warning_level = n.warning_level, receipt_number = n.receipt_number,
                    lookup_secret_hash = n.lookup_secret_hash, completed_at = n.completed_at, state = n.state::json,
                    updated_at = n.updated_at, history_head = n.history_head, window_id = n.window_id
                from input n
                where c.id = n.id and c.version = n.expected and c.history_head is not distinct from n.expected_head
                returning c.id)
            select case_version_conflict(n.id, n.expected)
            from input n
            where n.id not in (select id from updated)
            """,
            rows.Select(r => r.Id).ToArray(), cases.Select(c => c.ExpectedVersion).ToArray(),
            rows.Select(r => r.DefinitionVersion).ToArray(), rows.Select(r => r.ServiceItemCode).ToArray(),
            rows.Select(r => r.Stage).ToArray(), rows.Select(r => r.Version).ToArray(), rows.Select(r => r.HistoryLength).ToArray(),
            rows.Select(r => r.FirstInquiryOwner).ToArray(), rows.Select(r => r.HandlerId).ToArray(),
            Instants(rows.Select(r => r.AcceptedAt)), Instants(rows.Select(r => r.PromisedDeadline)),
            Instants(rows.Select(r => r.StatutoryDeadline)), rows.Select(r => r.DeadlinesProvisional).ToArray(),
            rows.Select(r => r.WarningLevel).ToArray(), rows.Select(r => r.ReceiptNumber).ToArray(),
            rows.Select(r => r.LookupSecretHash).ToArray(), Instants(rows.Select(r => r.CompletedAt)),
            rows.Select(r => r.StateJson).ToArray(), cases.Select(c => c.Last.At.UtcDateTime).ToArray(),
            cases.Select(c => c.Head).ToArray(), cases.Select(c => c.ExpectedHead).ToArray(),
            rows.Select(r => r.WindowId).ToArray());
    }

    private static void AppendHistory(NpgsqlBatch batch, List<FoldedCase> cases)
    {
        var entries = cases.SelectMany(c => c.History.Select(h => (c.Last.Case.Id, Entry: h))).ToList();
        if (entries.Count == 0)
        {
            return;
        }
        CaseWriter.Add(batch,
            """
            insert into case_history (case_id, sequence, kind, actor_id, at, action, from_stage, to_stage, payload, prev_hash, hash)
            select h.case_id, h.sequence, h.kind, h.actor_id, h.at, h.action, h.from_stage, h.to_stage, h.payload::jsonb, h.prev_hash, h.hash
            from unnest($1::uuid[], $2::integer[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[],
                        $10::text[], $11::text[])
                 as h (case_id, sequence, kind, actor_id, at, action, from_stage, to_stage, payload, prev_hash, hash)
            """,
            entries.Select(e => e.Item1).ToArray(), entries.Select(e => e.Entry.Entry.Sequence).ToArray(),
            entries.Select(e => e.Entry.Entry.Kind).ToArray(), entries.Select(e => e.Entry.Entry.ActorId).ToArray(),
            entries.Select(e => e.Entry.Entry.At.UtcDateTime).ToArray(), entries.Select(e => e.Entry.Entry.Action).ToArray(),
            entries.Select(e => e.Entry.Entry.FromStage).ToArray(), entries.Select(e => e.Entry.Entry.ToStage).ToArray(),
            entries.Select(e => e.Entry.Entry.PayloadJson).ToArray(), entries.Select(e => e.Entry.PreviousHash).ToArray(),
            entries.Select(e => e.Entry.Hash).ToArray());
    }

    private static DateTime?[] Instants(IEnumerable<DateTimeOffset?> instants) =>
        instants.Select(i => i?.UtcDateTime).ToArray();

    private static List<FoldedCase> Fold(IReadOnlyList<CaseChange> changes)
    {
        var byCase = new Dictionary<Guid, FoldedCase>();
        var order = new List<FoldedCase>();
        foreach (var change in changes)
        {
            if (change.IsNewCase)
            {
                throw new ArgumentException($"case {change.Case.Id} is new; a batch only updates existing cases", nameof(changes));
            }
            if (!byCase.TryGetValue(change.Case.Id, out var folded))
            {
                folded = new FoldedCase(change.ExpectedVersion, change.ChainHead);
                byCase.Add(change.Case.Id, folded);
                order.Add(folded);
            }
            else if (change.ExpectedVersion != folded.Last.Case.Version || change.ChainHead != folded.Head)
            {
                throw new ArgumentException(
                    $"case {change.Case.Id}: a change expecting version {change.ExpectedVersion} follows one that wrote {folded.Last.Case.Version}"
                    + (change.ChainHead != folded.Head ? ", and does not link to its last history entry" : ""),
                    nameof(changes));
            }
            folded.Add(change);
        }
        return order;
    }

    /// One case's changes in a batch, reduced to what the statements write: the last row, every
    /// history entry linked, and per timer key the last thing done to it.
    private sealed class FoldedCase(long expectedVersion, string? expectedHead)
    {
        public long ExpectedVersion { get; } = expectedVersion;
        public string? ExpectedHead { get; } = expectedHead;
        public string? Head { get; private set; } = expectedHead;
        public CaseChange Last { get; private set; } = null!;
        public List<LinkedHistoryRow> History { get; } = [];
        public Dictionary<string, TimerRow> Scheduled { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Cancelled { get; } = new(StringComparer.Ordinal);

        public void Add(CaseChange change)
        {
            Last = change;
            var linked = change.LinkHistory();
            History.AddRange(linked);
            Head = CaseWriter.Head(change, linked);
            foreach (var key in change.TimersToCancel)
            {
                Scheduled.Remove(key);
                Cancelled.Add(key);
            }
            // A schedule after a cancel needs no delete: the upsert replaces whatever is there.
            foreach (var timer in change.TimersToSchedule)
            {
                Scheduled[timer.Key] = timer;
                Cancelled.Remove(timer.Key);
            }
        }
    }
}
