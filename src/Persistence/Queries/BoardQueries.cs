using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Queries;

/// The supervisor board's read: every open case a reader may see, with the same visibility as
/// <see cref="CaseQueries"/>, plus referrals made to a window of the reader's department or window,
/// which are theirs to chase before the case's own window ever changes.
public sealed class BoardQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<CaseSummary>> OpenCasesAsync(CaseScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            select c.id as Id, c.definition_id as DefinitionId, c.definition_version as DefinitionVersion, c.stage as Stage,
                   c.version as Version, c.history_length as HistoryLength, c.history_head as HistoryHead,
                   c.first_inquiry_owner as FirstInquiryOwner, c.handler_id as HandlerId, c.window_id as WindowId,
                   c.receipt_number as ReceiptNumber, c.accepted_at as AcceptedAt, c.promised_deadline as PromisedDue,
                   c.statutory_deadline as StatutoryDue, c.warning_level as WarningLevel, c.completed_at as CompletedAt,
                   c.created_at as CreatedAt, c.state::text as StateJson
            from cases c
            where c.completed_at is null
              and (@everything
                   or c.handler_id = @staffId or c.first_inquiry_owner = @staffId
                   or (@windowId::text is not null
                       and (c.window_id = @windowId or c.state->'Data'->'Inputs'->>'target_window' = @windowId))
                   or (@departmentId::text is not null and exists (select 1 from windows w
                           where w.department_id = @departmentId
                             and (w.id = c.window_id or w.id = c.state->'Data'->'Inputs'->>'target_window'))))
            order by c.promised_deadline nulls last, c.created_at, c.id
            """,
            new { everything = scope.Everything, staffId = scope.StaffId, windowId = scope.WindowId, departmentId = scope.DepartmentId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string DefinitionId { get; init; } = "";
        public int DefinitionVersion { get; init; }
        public string Stage { get; init; } = "";
        public long Version { get; init; }
        public int HistoryLength { get; init; }
        public string? HistoryHead { get; init; }
        public string? FirstInquiryOwner { get; init; }
        public string? HandlerId { get; init; }
        public string? WindowId { get; init; }
        public string? ReceiptNumber { get; init; }
        public DateTime? AcceptedAt { get; init; }
        public DateTime? PromisedDue { get; init; }
        public DateTime? StatutoryDue { get; init; }
        public string WarningLevel { get; init; } = "";
        public DateTime? CompletedAt { get; init; }
        public DateTime CreatedAt { get; init; }
        public string StateJson { get; init; } = "";

        public CaseSummary ToSummary() => new(Id, DefinitionId, DefinitionVersion, Stage, Version, HistoryLength, HistoryHead, FirstInquiryOwner,
            HandlerId, WindowId, ReceiptNumber, Utc(AcceptedAt), Utc(PromisedDue), Utc(StatutoryDue), WarningLevel, Utc(CompletedAt),
            Utc(CreatedAt), StateJson);
    }
}
