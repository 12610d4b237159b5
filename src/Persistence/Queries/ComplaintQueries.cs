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
            select {CaseSummaryRow.Columns},
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
        return ([.. rows.Select(r => r.ToComplaintSummary())], total);
    }

    private sealed class Row : CaseSummaryRow
    {
        public string? VerifiedCount { get; init; }
        public string? Sanction { get; init; }

        public ComplaintSummary ToComplaintSummary() => new(ToSummary(),
            int.TryParse(VerifiedCount, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                ? count : null,
            Sanction);
    }
}
