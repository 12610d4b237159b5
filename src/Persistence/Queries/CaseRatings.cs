using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Queries;

/// The applicant's satisfaction rating of a completed case: one per case, attributed to the
/// case's window and its responsible person.
public sealed class CaseRatings(NpgsqlDataSource dataSource)
{
    /// False when the case already has a rating.
    public Task<bool> TryRateAsync(Guid caseId, string? windowId, string? staffId, int score, string? comment, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        TryRateAsync(Guid.NewGuid(), caseId, windowId, staffId, score, comment, at, cancellationToken);

    /// As above with the rating's id chosen by the caller, so a generated office replays the same ids from the same seed.
    public async Task<bool> TryRateAsync(Guid ratingId, Guid caseId, string? windowId, string? staffId, int score, string? comment,
        DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialises two ratings of the same case arriving together, so exactly one is kept.
        await connection.ExecuteAsync("select pg_advisory_xact_lock(hashtext('rating:' || @caseId::text))", new { caseId }, transaction);
        var written = await connection.ExecuteAsync(
            """
            insert into ratings (id, case_id, window_id, staff_id, score, comment, rated_at)
            select @id, @caseId, w.id, s.id, @score, @comment, @at
            from (select 1) one
            left join windows w on w.id = @windowId
            left join staff s on s.id = @staffId
            where not exists (select 1 from ratings where case_id = @caseId)
            """, new { id = ratingId, caseId, windowId, staffId, score, comment, at = at.ToUniversalTime() }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return written == 1;
    }
}
