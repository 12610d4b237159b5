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
        var rows = await connection.QueryAsync<CaseSummaryRow>(new CommandDefinition(
            $"""
            select {CaseSummaryRow.Columns}
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
}
