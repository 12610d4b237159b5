using System.Globalization;
using System.Text.Json;
using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// Writes and reads `case_facts` rows.
internal static class CaseFactsTable
{
    /// Upserts the facts; a row already projected from a longer history is kept (two projectors racing).
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CaseFacts> facts,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (facts.Count == 0)
        {
            return;
        }
        // One statement for the whole batch, its columns as typed arrays: a projector run costs a
        // round trip per batch rather than one per case, and nothing is parsed on either side.
        var referrals = facts.Select(f => f.Referrals.Count == 0 ? "[]" : JsonSerializer.Serialize(f.Referrals.Select(StoredReferral.Of), JsonOptions)).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        CaseWriter.Add(batch,
            """
            insert into case_facts (case_id, history_length, department_id, window_id, staff_id, item_code, kind,
                                    accepted_at, completed_at, outcome, promised_due, statutory_due, completed_early,
                                    working_days_used, statutory_working_days, supplements, extensions, referrals,
                                    first_referred_at, last_referred_at, complaint_received_at, complaint_verified_at,
                                    complaint_staff_id, projected_at)
            select r.case_id, r.history_length, r.department, r.window, r.staff, r.item, r.kind,
                   r.accepted_at, r.completed_at, r.outcome, r.promised_due, r.statutory_due, r.completed_early,
                   r.working_days_used, r.statutory_working_days, r.supplements::timestamptz[], r.extensions::timestamptz[],
                   r.referrals::jsonb, r.first_referred_at, r.last_referred_at, r.complaint_received_at,
                   r.complaint_verified_at, r.complaint_staff, $24
            from unnest($1::uuid[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::timestamptz[], $9::timestamptz[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::boolean[],
                        $14::integer[], $15::integer[], $16::text[], $17::text[], $18::text[], $19::timestamptz[],
                        $20::timestamptz[], $21::timestamptz[], $22::timestamptz[], $23::text[])
                 as r (case_id, history_length, department, "window", staff, item, kind, accepted_at, completed_at, outcome,
                       promised_due, statutory_due, completed_early, working_days_used, statutory_working_days, supplements,
                       extensions, referrals, first_referred_at, last_referred_at, complaint_received_at,
                       complaint_verified_at, complaint_staff)
            on conflict (case_id) do update set
                history_length = excluded.history_length, department_id = excluded.department_id,
                window_id = excluded.window_id, staff_id = excluded.staff_id, item_code = excluded.item_code,
                kind = excluded.kind, accepted_at = excluded.accepted_at, completed_at = excluded.completed_at,
                outcome = excluded.outcome, promised_due = excluded.promised_due, statutory_due = excluded.statutory_due,
                completed_early = excluded.completed_early, working_days_used = excluded.working_days_used,
                statutory_working_days = excluded.statutory_working_days, supplements = excluded.supplements,
                extensions = excluded.extensions, referrals = excluded.referrals,
                first_referred_at = excluded.first_referred_at, last_referred_at = excluded.last_referred_at,
                complaint_received_at = excluded.complaint_received_at, complaint_verified_at = excluded.complaint_verified_at,
                complaint_staff_id = excluded.complaint_staff_id, projected_at = excluded.projected_at
            where case_facts.history_length < excluded.history_length
            """,
            facts.Select(f => f.CaseId).ToArray(),
            facts.Select(f => f.HistoryLength).ToArray(),
            facts.Select(f => f.Keys.Department).ToArray(),
            facts.Select(f => f.Keys.Window).ToArray(),
            facts.Select(f => f.Keys.Staff).ToArray(),
            facts.Select(f => f.Keys.Item ?? "").ToArray(),
            facts.Select(f => f.Kind == ItemKind.Immediate ? "immediate" : "promised").ToArray(),
            Instants(facts, f => f.AcceptedAt),
            Instants(facts, f => f.CompletedAt),
            facts.Select(f => f.Outcome).ToArray(),
            Instants(facts, f => f.PromisedDue),
            Instants(facts, f => f.StatutoryDue),
            facts.Select(f => f.CompletedEarly).ToArray(),
            facts.Select(f => f.WorkingDaysUsed).ToArray(),
            facts.Select(f => f.StatutoryWorkingDays).ToArray(),
            facts.Select(f => ArrayLiteral(f.Supplements)).ToArray(),
            facts.Select(f => ArrayLiteral(f.Extensions)).ToArray(),
            referrals,
            Instants(facts, f => f.Referrals.Count == 0 ? null : f.Referrals.Min(r => r.ReferredAt)),
            Instants(facts, f => f.Referrals.Count == 0 ? null : f.Referrals.Max(r => r.ReferredAt)),
            Instants(facts, f => f.Complaint?.ReceivedAt),
            Instants(facts, f => f.Complaint?.VerifiedAt),
            facts.Select(f => f.Complaint?.Keys.Staff).ToArray(),
            now.UtcDateTime);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTime?[] Instants(IReadOnlyList<CaseFacts> facts, Func<CaseFacts, DateTimeOffset?> instant) =>
        [.. facts.Select(f => instant(f)?.UtcDateTime)];

    // A timestamptz[] as PostgreSQL reads it from text, to the microsecond (cut, as Npgsql's binary
    // parameters cut a seventh digit), so an array column compares equal to the instants beside it.
    private static string ArrayLiteral(IReadOnlyList<DateTimeOffset> instants) => instants.Count == 0
        ? "{}"
        : "{" + string.Join(",", instants.Select(i => i.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture))) + "}";

    // The columns a month's read takes from each of its three parts.
    private const string MonthColumns =
        """
        case_id as "CaseId", history_length as "HistoryLength", department_id as "DepartmentId",
        window_id as "WindowId", staff_id as "StaffId", item_code as "ItemCode", kind as "Kind",
        accepted_at as "AcceptedAt", completed_at as "CompletedAt", outcome as "Outcome",
        promised_due as "PromisedDue", statutory_due as "StatutoryDue", completed_early as "CompletedEarly",
        working_days_used as "WorkingDaysUsed", statutory_working_days as "StatutoryWorkingDays",
        supplements as "Supplements", extensions as "Extensions", referrals::text as "Referrals",
        complaint_received_at as "ComplaintReceivedAt", complaint_verified_at as "ComplaintVerifiedAt",
        complaint_staff_id as "ComplaintStaffId"
        """;

    /// The facts of every case open at some time in [start, end): completed in or after it, or not at all;
    /// and of every inquiry (never accepted) that referred in the month.
    public static async Task<List<CaseFacts>> ReadMonthAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        StatisticsMonth month, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            select {MonthColumns}
            from case_facts
            where completed_at >= @start and accepted_at < @end
            union all
            select {MonthColumns}
            from case_facts
            where completed_at is null and accepted_at < @end
            union all
            select {MonthColumns}
            from case_facts
            where accepted_at is null and last_referred_at >= @start and first_referred_at < @end
            """,
            new { start = month.Start.UtcDateTime, end = month.End.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToFacts())];
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // One element of the `referrals` column.
    private sealed record StoredReferral(string? Department, string? Window, string? Staff, string? Item,
        DateTimeOffset ReferredAt, DateTimeOffset AcknowledgeBy, DateTimeOffset? AcknowledgedAt)
    {
        public static StoredReferral Of(ReferralFact r) =>
            new(r.Keys.Department, r.Keys.Window, r.Keys.Staff, r.Keys.Item, r.ReferredAt, r.AcknowledgeBy, r.AcknowledgedAt);

        public ReferralFact ToFact() => new(new DimensionKeys(Department, Window, Staff, Item), ReferredAt, AcknowledgeBy, AcknowledgedAt);
    }

    // Filled by Dapper by column name; the arrays come back as Npgsql reads timestamptz[].
    private sealed class Row
    {
        public Guid CaseId { get; init; }
        public int HistoryLength { get; init; }
        public string? DepartmentId { get; init; }
        public string? WindowId { get; init; }
        public string? StaffId { get; init; }
        public string ItemCode { get; init; } = "";
        public string Kind { get; init; } = "";
        public DateTime? AcceptedAt { get; init; }
        public DateTime? CompletedAt { get; init; }
        public string? Outcome { get; init; }
        public DateTime? PromisedDue { get; init; }
        public DateTime? StatutoryDue { get; init; }
        public bool CompletedEarly { get; init; }
        public int? WorkingDaysUsed { get; init; }
        public int? StatutoryWorkingDays { get; init; }
        public DateTime[] Supplements { get; init; } = [];
        public DateTime[] Extensions { get; init; } = [];
        public string Referrals { get; init; } = "[]";
        public DateTime? ComplaintReceivedAt { get; init; }
        public DateTime? ComplaintVerifiedAt { get; init; }
        public string? ComplaintStaffId { get; init; }

        public CaseFacts ToFacts() => new(
            CaseId, HistoryLength, new DimensionKeys(DepartmentId, WindowId, StaffId, ItemCode),
            Kind == "immediate" ? ItemKind.Immediate : ItemKind.Promised,
            Utc(AcceptedAt), Utc(CompletedAt), Outcome, Utc(PromisedDue), Utc(StatutoryDue), CompletedEarly,
            WorkingDaysUsed, StatutoryWorkingDays,
            [.. Supplements.Select(s => new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc), TimeSpan.Zero))],
            [.. Extensions.Select(s => new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc), TimeSpan.Zero))])
        {
            // Most cases never refer: their empty list is not worth a parser.
            Referrals = Referrals == "[]" ? [] : [.. (JsonSerializer.Deserialize<List<StoredReferral>>(Referrals, JsonOptions) ?? []).Select(r => r.ToFact())],
            Complaint = Utc(ComplaintReceivedAt) is { } received
                ? new ComplaintFact(new DimensionKeys(DepartmentId, WindowId, ComplaintStaffId, ItemCode), received, Utc(ComplaintVerifiedAt))
                : null,
        };

        private static DateTimeOffset? Utc(DateTime? value) =>
            value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc), TimeSpan.Zero) : null;
    }
}
