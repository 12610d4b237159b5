using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Queries;

/// Referrals waiting for acknowledgement: inquiry cases in the `referred` stage whose target window
/// is within the reader's reach (their own window; a section chief's department; everything for the
/// efficiency office and leaders). An inquiry's window is the one it was logged at, so the case scope
/// alone would hide a referral from the very window that has to acknowledge it.
public sealed class ReferralQueries(NpgsqlDataSource dataSource)
{
    public const string InquiryDefinition = "inquiry-referral";
    public const string ReferredStage = "referred";

    /// The referrals pending at the reader's windows, oldest first; with <paramref name="caseId"/>, that one only.
    public async Task<IReadOnlyList<CaseSummary>> PendingAsync(CaseScope scope, Guid? caseId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseSummaryRow>(new CommandDefinition(
            $"""
            select {CaseSummaryRow.Columns}
            from cases c
            where c.definition_id = @definition and c.stage = @stage
              and (@caseId::uuid is null or c.id = @caseId)
              and (@everything
                   or (@windowId::text is not null and c.state -> 'Data' -> 'Inputs' ->> 'target_window' = @windowId)
                   or (@departmentId::text is not null and exists (select 1 from windows w
                           where w.id = c.state -> 'Data' -> 'Inputs' ->> 'target_window' and w.department_id = @departmentId)))
            order by c.updated_at, c.id
            """,
            new
            {
                definition = InquiryDefinition, stage = ReferredStage, caseId, everything = scope.Everything, windowId = scope.WindowId,
                departmentId = scope.DepartmentId,
            }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }
}
