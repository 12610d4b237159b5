using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Queries;

/// The complaints register: cases of the complaint-handling definition, by status (open, verified,
/// unfounded), by the person a verified complaint is against and by window, visible as any case is
/// (the complaint's window is the window complained about).
public sealed class ComplaintQueries(NpgsqlDataSource dataSource)
{
    public const string ComplaintDefinition = "complaint-handling";

    /// One complaint, if the reader may see it.
    public async Task<ComplaintSummary?> FindAsync(Guid id, CaseScope scope, CancellationToken cancellationToken = default) =>
        (await ListAsync(null, null, null, 1, 1, scope, id, cancellationToken)).Items.SingleOrDefault();

    public async Task<(IReadOnlyList<ComplaintSummary> Items, long Total)> ListAsync(string? status, string? against, string? windowId, int page,
        int pageSize, CaseScope scope, Guid? caseId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var parameters = new
        {
            definition = ComplaintDefinition, caseId, status, against, windowId, pageSize, offset = (page - 1) * pageSize,
            everything = scope.Everything, staffId = scope.StaffId, scopeWindowId = scope.WindowId, departmentId = scope.DepartmentId,
        };
        const string where =
            """
            where c.definition_id = @definition
              and (@caseId::uuid is null or c.id = @caseId)
              and (@everything
                   or c.handler_id = @staffId or c.first_inquiry_owner = @staffId
                   or (@scopeWindowId::text is not null and c.window_id = @scopeWindowId)
                   or (@departmentId::text is not null and exists (select 1 from windows w
                           where w.id = c.window_id and w.department_id = @departmentId)))
              and (@status::text is null
                   or (@status = 'open' and c.completed_at is null)
                   or (@status = 'verified' and c.stage = 'verified')
                   or (@status = 'unfounded' and c.stage = 'unfounded'))
              and (@against::text is null or c.state -> 'Data' -> 'Inputs' ->> 'against' = @against)
              and (@windowId::text is null or c.window_id = @windowId)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            select c.id as Id, c.definition_id as DefinitionId, c.definition_version as DefinitionVersion, c.stage as Stage,
                   c.version as Version, c.history_length as HistoryLength, c.history_head as HistoryHead,
                   c.first_inquiry_owner as FirstInquiryOwner, c.handler_id as HandlerId, c.window_id as WindowId,
                   c.accepted_at as AcceptedAt, c.promised_deadline as PromisedDue, c.statutory_deadline as StatutoryDue,
                   c.warning_level as WarningLevel, c.completed_at as CompletedAt, c.created_at as CreatedAt, c.state::text as StateJson,
                   v.payload -> 'data' ->> 'verified_count' as VerifiedCount, v.payload -> 'data' ->> 'sanction' as Sanction
            from cases c
            left join lateral (select h.payload from case_history h
                               where h.case_id = c.id and h.action = 'verify' order by h.sequence desc limit 1) v on true
            {where}
            order by c.created_at desc, c.id
            limit @pageSize offset @offset
            """, parameters, cancellationToken: cancellationToken))).ToList();
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"select count(*) from cases c {where}", parameters, cancellationToken: cancellationToken));
        return ([.. rows.Select(r => r.ToSummary())], total);
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
        public DateTime? AcceptedAt { get; init; }
        public DateTime? PromisedDue { get; init; }
        public DateTime? StatutoryDue { get; init; }
        public string WarningLevel { get; init; } = "";
        public DateTime? CompletedAt { get; init; }
        public DateTime CreatedAt { get; init; }
        public string StateJson { get; init; } = "";
        public string? VerifiedCount { get; init; }
        public string? Sanction { get; init; }

        // Complaints carry no receipt: the complainant is answered through the case's own notices.
        public ComplaintSummary ToSummary() => new(new CaseSummary(Id, DefinitionId, DefinitionVersion, Stage, Version, HistoryLength, HistoryHead,
                FirstInquiryOwner, HandlerId, WindowId, null, Utc(AcceptedAt), Utc(PromisedDue), Utc(StatutoryDue), WarningLevel, Utc(CompletedAt),
                Utc(CreatedAt), StateJson),
            int.TryParse(VerifiedCount, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                ? count : null,
            Sanction);
    }
}
