using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Satisfaction;

/// A bad review (差评, a rating of 1 or 2) opens a rectification case for the rated window, run by the
/// `bad-review-rectification` definition (verify, rectify, call back within its promised limit, or
/// void on appeal), and the review is linked to that case so the monthly figures can tell how it
/// ended. The case id is derived from the rating and opened with an idempotency key, so a sweep
/// repeated, or run by two hosts at once, opens one case per review.
public sealed class BadReviewRectifications(NpgsqlDataSource dataSource, CaseCommands commands, TimeProvider clock, SatisfactionOptions? options = null)
{
    public const string Definition = "bad-review-rectification";

    // The office's own rule opens the case, as the efficiency office would by hand.
    private static readonly Actor Opener = Actor.Staff(Actor.System.Id, "efficiency_office");

    private readonly SatisfactionOptions options = options ?? new SatisfactionOptions();

    /// The rectification case of a rating: the same for every call, so a retry finds its first case.
    public static Guid CaseIdFor(Guid ratingId) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes("bad-review-rectification:" + ratingId.ToString("D", CultureInfo.InvariantCulture))));

    /// Opens and links the rectification of every recent bad review that has none; returns how many it opened.
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<(Guid Id, string WindowId, string StaffId, int Score, string? Comment)> reviews;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            reviews = (await connection.QueryAsync<(Guid, string, string, int, string?)>(new CommandDefinition(
                """
                select r.id, r.window_id, r.staff_id, r.score, r.comment
                from ratings r
                where r.bad_review and r.voided_at is null and r.rated_at >= @since
                  and r.window_id is not null and r.staff_id is not null
                  and not exists (select 1 from bad_review_rectifications l where l.rating_id = r.id)
                order by r.rated_at, r.id
                limit @limit
                """, new { since = (now - options.LookBack).UtcDateTime, limit = options.BatchSize }, cancellationToken: cancellationToken))).ToList();
        }
        foreach (var review in reviews)
        {
            var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["rating"] = review.Id.ToString("D", CultureInfo.InvariantCulture),
                ["window"] = review.WindowId,
                ["responsible"] = review.StaffId,
                ["review"] = string.IsNullOrWhiteSpace(review.Comment) ? string.Create(CultureInfo.InvariantCulture, $"{review.Score}/5") : review.Comment,
            };
            var caseId = CaseIdFor(review.Id);
            await commands.OpenAsync(Definition, caseId, new CaseCommand("open", Opener, 0, inputs), $"{Definition}:{review.Id:D}",
                cancellationToken: cancellationToken);
            await LinkAsync(review.Id, caseId, cancellationToken);
        }
        return reviews.Count;
    }

    /// Links a bad review to its rectification case; false when the review already has one.
    public async Task<bool> LinkAsync(Guid ratingId, Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into bad_review_rectifications (rating_id, case_id, linked_at)
            values (@ratingId, @caseId, @now)
            on conflict (rating_id) do nothing
            """, new { ratingId, caseId, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken)) == 1;
    }
}
