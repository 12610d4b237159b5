using System.Text.Json;
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
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into case_facts (case_id, history_length, department_id, window_id, staff_id, item_code, kind,
                                    accepted_at, completed_at, outcome, promised_due, statutory_due, completed_early,
                                    working_days_used, statutory_working_days, supplements, extensions, referrals,
                                    first_referred_at, last_referred_at, complaint_received_at, complaint_verified_at,
                                    complaint_staff_id, projected_at)
            values (@CaseId, @HistoryLength, @Department, @Window, @Staff, @Item, @Kind,
                    @AcceptedAt, @CompletedAt, @Outcome, @PromisedDue, @StatutoryDue, @CompletedEarly,
                    @WorkingDaysUsed, @StatutoryWorkingDays, @Supplements, @Extensions, @Referrals::jsonb,
                    @FirstReferredAt, @LastReferredAt, @ComplaintReceivedAt, @ComplaintVerifiedAt,
                    @ComplaintStaff, @Now)
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
            facts.Select(f => new
            {
                f.CaseId,
                f.HistoryLength,
                f.Keys.Department,
                f.Keys.Window,
                f.Keys.Staff,
                Item = f.Keys.Item ?? "",
                Kind = f.Kind == ItemKind.Immediate ? "immediate" : "promised",
                AcceptedAt = f.AcceptedAt?.UtcDateTime,
                CompletedAt = f.CompletedAt?.UtcDateTime,
                f.Outcome,
                PromisedDue = f.PromisedDue?.UtcDateTime,
                StatutoryDue = f.StatutoryDue?.UtcDateTime,
                f.CompletedEarly,
                f.WorkingDaysUsed,
                f.StatutoryWorkingDays,
                Supplements = f.Supplements.Select(s => s.UtcDateTime).ToArray(),
                Extensions = f.Extensions.Select(s => s.UtcDateTime).ToArray(),
                Referrals = JsonSerializer.Serialize(f.Referrals.Select(StoredReferral.Of), JsonOptions),
                FirstReferredAt = f.Referrals.Count == 0 ? (DateTime?)null : f.Referrals.Min(r => r.ReferredAt).UtcDateTime,
                LastReferredAt = f.Referrals.Count == 0 ? (DateTime?)null : f.Referrals.Max(r => r.ReferredAt).UtcDateTime,
                ComplaintReceivedAt = f.Complaint?.ReceivedAt.UtcDateTime,
                ComplaintVerifiedAt = f.Complaint?.VerifiedAt?.UtcDateTime,
                ComplaintStaff = f.Complaint?.Keys.Staff,
                Now = now.UtcDateTime,
            }),
            transaction, cancellationToken: cancellationToken));
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
