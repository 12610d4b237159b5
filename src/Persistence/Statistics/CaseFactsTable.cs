using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Npgsql;
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
        // One statement for the whole batch: the rows travel as one JSON array, so a projector run
        // costs a round trip per batch rather than one per case.
        var rows = JsonSerializer.Serialize(facts.Select(f => new StoredFacts(
            f.CaseId,
            f.HistoryLength,
            f.Keys.Department,
            f.Keys.Window,
            f.Keys.Staff,
            f.Keys.Item ?? "",
            f.Kind == ItemKind.Immediate ? "immediate" : "promised",
            Micro(f.AcceptedAt),
            Micro(f.CompletedAt),
            f.Outcome,
            Micro(f.PromisedDue),
            Micro(f.StatutoryDue),
            f.CompletedEarly,
            f.WorkingDaysUsed,
            f.StatutoryWorkingDays,
            [.. f.Supplements.Select(Micro)],
            [.. f.Extensions.Select(Micro)],
            f.Referrals.Select(StoredReferral.Of).ToList(),
            f.Referrals.Count == 0 ? null : Micro(f.Referrals.Min(r => r.ReferredAt)),
            f.Referrals.Count == 0 ? null : Micro(f.Referrals.Max(r => r.ReferredAt)),
            Micro(f.Complaint?.ReceivedAt),
            Micro(f.Complaint?.VerifiedAt),
            f.Complaint?.Keys.Staff)), JsonOptions);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into case_facts (case_id, history_length, department_id, window_id, staff_id, item_code, kind,
                                    accepted_at, completed_at, outcome, promised_due, statutory_due, completed_early,
                                    working_days_used, statutory_working_days, supplements, extensions, referrals,
                                    first_referred_at, last_referred_at, complaint_received_at, complaint_verified_at,
                                    complaint_staff_id, projected_at)
            select r.case_id, r.history_length, r.department, r.window, r.staff, r.item, r.kind,
                   r.accepted_at, r.completed_at, r.outcome, r.promised_due, r.statutory_due, r.completed_early,
                   r.working_days_used, r.statutory_working_days, coalesce(r.supplements, '{}'), coalesce(r.extensions, '{}'),
                   coalesce(r.referrals, '[]'), r.first_referred_at, r.last_referred_at, r.complaint_received_at,
                   r.complaint_verified_at, r.complaint_staff, @now
            from jsonb_to_recordset(@rows::jsonb) as r (
                case_id uuid, history_length integer, department text, "window" text, staff text, item text, kind text,
                accepted_at timestamptz, completed_at timestamptz, outcome text, promised_due timestamptz,
                statutory_due timestamptz, completed_early boolean, working_days_used integer,
                statutory_working_days integer, supplements timestamptz[], extensions timestamptz[], referrals jsonb,
                first_referred_at timestamptz, last_referred_at timestamptz, complaint_received_at timestamptz,
                complaint_verified_at timestamptz, complaint_staff text)
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
            new { rows, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
    }

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

    // PostgreSQL keeps microseconds and rounds a seventh digit given as text; Npgsql's binary
    // parameters cut it, as the rest of the store does, so the batch cuts it too.
    private static DateTimeOffset Micro(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10));

    private static DateTimeOffset? Micro(DateTimeOffset? value) => value is { } v ? Micro(v) : null;

    // One row of a batch as WriteAsync sends it; the names are jsonb_to_recordset's column names.
    private sealed record StoredFacts(
        [property: JsonPropertyName("case_id")] Guid CaseId,
        [property: JsonPropertyName("history_length")] int HistoryLength,
        [property: JsonPropertyName("department")] string? Department,
        [property: JsonPropertyName("window")] string? Window,
        [property: JsonPropertyName("staff")] string? Staff,
        [property: JsonPropertyName("item")] string Item,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("accepted_at")] DateTimeOffset? AcceptedAt,
        [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt,
        [property: JsonPropertyName("outcome")] string? Outcome,
        [property: JsonPropertyName("promised_due")] DateTimeOffset? PromisedDue,
        [property: JsonPropertyName("statutory_due")] DateTimeOffset? StatutoryDue,
        [property: JsonPropertyName("completed_early")] bool CompletedEarly,
        [property: JsonPropertyName("working_days_used")] int? WorkingDaysUsed,
        [property: JsonPropertyName("statutory_working_days")] int? StatutoryWorkingDays,
        [property: JsonPropertyName("supplements")] IReadOnlyList<DateTimeOffset> Supplements,
        [property: JsonPropertyName("extensions")] IReadOnlyList<DateTimeOffset> Extensions,
        [property: JsonPropertyName("referrals")] IReadOnlyList<StoredReferral> Referrals,
        [property: JsonPropertyName("first_referred_at")] DateTimeOffset? FirstReferredAt,
        [property: JsonPropertyName("last_referred_at")] DateTimeOffset? LastReferredAt,
        [property: JsonPropertyName("complaint_received_at")] DateTimeOffset? ComplaintReceivedAt,
        [property: JsonPropertyName("complaint_verified_at")] DateTimeOffset? ComplaintVerifiedAt,
        [property: JsonPropertyName("complaint_staff")] string? ComplaintStaff);

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
            Referrals = [.. (JsonSerializer.Deserialize<List<StoredReferral>>(Referrals, JsonOptions) ?? []).Select(r => r.ToFact())],
            Complaint = Utc(ComplaintReceivedAt) is { } received
                ? new ComplaintFact(new DimensionKeys(DepartmentId, WindowId, ComplaintStaffId, ItemCode), received, Utc(ComplaintVerifiedAt))
                : null,
        };

        private static DateTimeOffset? Utc(DateTime? value) =>
            value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc), TimeSpan.Zero) : null;
    }
}
