using System.Net;
using System.Net.Http.Json;
using Dapper;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class CaseRatingsTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Rate_RecordsBadReviewForWindowAndHandler_WhenScoreIsTwo()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        await (await clerk.ActAsync(opened.Id(), "register", opened.Version(), new { certificate_number = "J110101-2026-000124" }))
            .ReadAsync(HttpStatusCode.OK);
        session.Clock.Advance(TimeSpan.FromMinutes(20));

        var rated = await session.Anonymous().PostAsJsonAsync($"/api/v1/public/cases/{opened.Text("receiptNumber")}/rating",
            new { secret = opened.Text("lookupSecret"), score = 2, comment = "等候时间长" });

        await rated.ReadAsync(HttpStatusCode.NoContent);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(Guid CaseId, string WindowId, string StaffId, int Score, bool BadReview, string Comment, DateTime RatedAt)>(
            "select case_id, window_id, staff_id, score, bad_review, comment, rated_at from ratings");
        // The clerk who registered on the spot is the handler ("handler": "actor" on the start action).
        Assert.Equal((opened.Id(), "marriage-1", "wang.fang", 2, true, "等候时间长"), (row.CaseId, row.WindowId, row.StaffId, row.Score, row.BadReview, row.Comment));
        Assert.Equal(new DateTime(2026, 3, 10, 2, 20, 0, DateTimeKind.Utc), row.RatedAt);
    }
}
