using System.Net;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class FindingsApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    // A verified complaint against wang.fang files the misconduct finding these tests work on.
    private static async Task<Guid> FindingAgainstWangFangAsync(ApiSession session)
    {
        var clerk = await session.SignedInAsync("wang.fang");
        var subject = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var complaint = await ComplaintsApiTests.VerifiedAsync(session, subject.Id(), "wang.fang");
        var office = await session.SignedInAsync("zhou.qiang");
        var findings = await (await office.GetAsync($"/api/v1/findings?staff=wang.fang&status=open")).ReadAsync(HttpStatusCode.OK);
        var finding = Assert.Single(findings.EnumerateArray());
        Assert.Equal(complaint.Id(), finding.GetProperty("case").GetGuid());
        return finding.Id();
    }

    [Fact]
    public async Task Confirm_DecidesOnce_AfterThePersonsStatement()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var id = await FindingAgainstWangFangAsync(session);
        var person = await session.SignedInAsync("wang.fang");
        var office = await session.SignedInAsync("zhou.qiang");

        var beforeStatement = await office.StepAsync($"/api/v1/findings/{id}/confirmation");
        await beforeStatement.ReadAsync(HttpStatusCode.Conflict);
        session.Clock.Advance(TimeSpan.FromHours(1));
        var stated = await (await person.StepAsync($"/api/v1/findings/{id}/statement", new { statement = "当日排队人数多，语气急躁，已认识到问题" }))
            .ReadAsync(HttpStatusCode.OK);
        var again = await person.StepAsync($"/api/v1/findings/{id}/statement", new { statement = "补充说明" });
        var confirmed = await (await office.StepAsync($"/api/v1/findings/{id}/confirmation")).ReadAsync(HttpStatusCode.OK);
        var staleDismissal = await office.StepAsync($"/api/v1/findings/{id}/dismissal");

        Assert.Equal("open", stated.Text("status"));
        Assert.Equal("当日排队人数多，语气急躁，已认识到问题", stated.Text("statement"));
        Assert.Equal("2026-03-10T11:00:00+08:00", stated.Text("statementAt"));
        await again.ReadAsync(HttpStatusCode.Conflict);
        Assert.Equal("confirmed", confirmed.Text("status"));
        Assert.Equal("zhou.qiang", confirmed.Text("decidedBy"));
        var conflict = await staleDismissal.ReadAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("问责记录已不处于此步骤所需的状态", conflict.Text("detail"));
        var mine = await (await person.GetAsync("/api/v1/findings?status=confirmed")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal([id], mine.EnumerateArray().Select(f => f.Id()));
    }

    [Fact]
    public async Task Dismiss_TakesTheComplaintOffTheSanctionLadder_ForTheNextVerification()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var id = await FindingAgainstWangFangAsync(session);
        await (await (await session.SignedInAsync("wang.fang")).StepAsync($"/api/v1/findings/{id}/statement", new { statement = "按规定办理" }))
            .ReadAsync(HttpStatusCode.OK);

        var dismissed = await (await (await session.SignedInAsync("zhou.qiang")).StepAsync($"/api/v1/findings/{id}/dismissal"))
            .ReadAsync(HttpStatusCode.OK);
        var subject = await (await (await session.SignedInAsync("wang.fang")).OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var next = await ComplaintsApiTests.VerifiedAsync(session, subject.Id(), "wang.fang");

        Assert.Equal("dismissed", dismissed.Text("status"));
        Assert.Equal(1, next.GetProperty("verifiedCount").GetInt32());
        Assert.Equal("admonishment", next.Text("sanction"));
    }

    [Fact]
    public async Task Findings_AreHiddenFromOthers_AndOnlyThePersonMayState()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var id = await FindingAgainstWangFangAsync(session);
        var colleague = await session.SignedInAsync("li.na", "en");
        var office = await session.SignedInAsync("zhou.qiang");
        var rows = await session.RowCountsAsync();

        var detail = await (await colleague.GetAsync($"/api/v1/findings/{id}")).ReadAsync(HttpStatusCode.NotFound);
        await (await colleague.GetAsync("/api/v1/findings?staff=wang.fang")).ReadAsync(HttpStatusCode.Forbidden);
        var own = await (await colleague.GetAsync("/api/v1/findings")).ReadAsync(HttpStatusCode.OK);
        await (await colleague.StepAsync($"/api/v1/findings/{id}/statement", new { statement = "不是我" })).ReadAsync(HttpStatusCode.NotFound);
        // The office reads the finding but cannot speak for the person.
        await (await office.StepAsync($"/api/v1/findings/{id}/statement", new { statement = "代为陈述" })).ReadAsync(HttpStatusCode.Conflict);
        var byWindow = await (await office.GetAsync("/api/v1/findings?window=marriage-1")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("No such finding, or not yours to see", detail.Text("detail"));
        Assert.Empty(own.EnumerateArray());
        Assert.Equal([id], byWindow.EnumerateArray().Select(f => f.Id()));
        var unchanged = await (await office.GetAsync($"/api/v1/findings/{id}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unchanged.GetProperty("statement").ValueKind);
        Assert.Equal(rows, await session.RowCountsAsync());
    }
}
