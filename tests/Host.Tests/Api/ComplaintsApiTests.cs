using System.Net;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class ComplaintsApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    /// Lodges a complaint against the case, assigns it to the efficiency officer and verifies it against the person.
    public static async Task<System.Text.Json.JsonElement> VerifiedAsync(ApiSession session, Guid subject, string against)
    {
        var office = await session.SignedInAsync("zhou.qiang");
        var lodged = await (await office.StepAsync("/api/v1/complaints", new { complainant = "李四", about = "窗口人员态度生硬", @case = subject }))
            .ReadAsync(HttpStatusCode.Created);
        var assigned = await (await office.ActAsync(lodged.Id(), "assign", lodged.Version(), new { handler = "zhou.qiang" })).ReadAsync(HttpStatusCode.OK);
        return await (await office.StepAsync($"/api/v1/complaints/{lodged.Id()}/verification",
            new { against, summary = "经调取录像核实，投诉属实" }, assigned.Version())).ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Verify_ClimbsTheSanctionLadder_WhenSecondComplaintAgainstSamePersonIsVerifiedInTheYear()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var subject = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var office = await session.SignedInAsync("zhou.qiang");

        var lodged = await (await office.StepAsync("/api/v1/complaints", new { complainant = "李四", about = "窗口人员态度生硬", @case = subject.Id() }))
            .ReadAsync(HttpStatusCode.Created);
        Assert.Equal("registered", lodged.GetProperty("stage").Text("id"));
        Assert.Equal("marriage-1", lodged.Text("window"));
        Assert.Equal(subject.Id(), lodged.GetProperty("case").GetGuid());
        // Promised 10 working days from Tuesday 10 March 2026: Tuesday 24 March at office close.
        Assert.Equal("2026-03-24T17:30:00+08:00", lodged.Text("promisedDue"));
        var assigned = await (await office.ActAsync(lodged.Id(), "assign", lodged.Version(), new { handler = "zhou.qiang" })).ReadAsync(HttpStatusCode.OK);
        var first = await (await office.StepAsync($"/api/v1/complaints/{lodged.Id()}/verification",
            new { against = "wang.fang", summary = "经调取录像核实，投诉属实" }, assigned.Version())).ReadAsync(HttpStatusCode.OK);

        session.Clock.Advance(TimeSpan.FromDays(30));
        var second = await VerifiedAsync(session, subject.Id(), "wang.fang");
        var otherPerson = await VerifiedAsync(session, subject.Id(), "li.na");

        Assert.Equal("reply_verified", first.GetProperty("stage").Text("id"));
        Assert.Equal("wang.fang", first.Text("against"));
        Assert.Equal(1, first.GetProperty("verifiedCount").GetInt32());
        Assert.Equal("admonishment", first.Text("sanction"));
        Assert.Equal(2, second.GetProperty("verifiedCount").GetInt32());
        Assert.Equal("circulatedCriticism", second.Text("sanction"));
        Assert.Equal(1, otherPerson.GetProperty("verifiedCount").GetInt32());
        office = await session.SignedInAsync("zhou.qiang");
        var findings = await (await office.GetAsync("/api/v1/findings?staff=wang.fang")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(["misconduct", "misconduct"], findings.EnumerateArray().Select(f => f.Text("kind")));
        Assert.Equal([lodged.Id(), second.Id()], findings.EnumerateArray().Select(f => f.GetProperty("case").GetGuid()));
    }

    [Fact]
    public async Task List_FiltersByStatusAndPerson_WithinTheReadersDepartment()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var subject = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var verified = await VerifiedAsync(session, subject.Id(), "wang.fang");
        var office = await session.SignedInAsync("zhou.qiang");
        await (await office.StepAsync("/api/v1/complaints", new { complainant = "王五", about = "低保窗口排队过久", window = "assistance-1" }))
            .ReadAsync(HttpStatusCode.Created);
        await (await office.ActAsync(verified.Id(), "reply", verified.Version(), new { reply = "已将调查结果告知投诉人" })).ReadAsync(HttpStatusCode.OK);

        var all = await (await office.GetAsync("/api/v1/complaints")).ReadAsync(HttpStatusCode.OK);
        var open = await (await office.GetAsync("/api/v1/complaints?status=open")).ReadAsync(HttpStatusCode.OK);
        var done = await (await office.GetAsync("/api/v1/complaints?status=verified&against=wang.fang")).ReadAsync(HttpStatusCode.OK);
        var civilAffairs = await (await (await session.SignedInAsync("chen.jing")).GetAsync("/api/v1/complaints")).ReadAsync(HttpStatusCode.OK);
        var socialAssistance = await (await (await session.SignedInAsync("zhao.lei")).GetAsync("/api/v1/complaints")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(2, all.GetProperty("total").GetInt64());
        Assert.Equal(["assistance-1"], open.GetProperty("items").EnumerateArray().Select(c => c.Text("window")));
        Assert.Equal([verified.Id()], done.GetProperty("items").EnumerateArray().Select(c => c.Id()));
        Assert.Equal("verified", done.GetProperty("items")[0].Text("outcome"));
        Assert.Equal([verified.Id()], civilAffairs.GetProperty("items").EnumerateArray().Select(c => c.Id()));
        Assert.Equal(["assistance-1"], socialAssistance.GetProperty("items").EnumerateArray().Select(c => c.Text("window")));
    }

    [Fact]
    public async Task Verify_Returns400AndWritesNothing_WhenAgainstNamesNoStaffMember()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var office = await session.SignedInAsync("zhou.qiang");
        var lodged = await (await office.StepAsync("/api/v1/complaints", new { complainant = "李四", about = "推诿", window = "marriage-1" }))
            .ReadAsync(HttpStatusCode.Created);
        var assigned = await (await office.ActAsync(lodged.Id(), "assign", lodged.Version(), new { handler = "zhou.qiang" })).ReadAsync(HttpStatusCode.OK);
        var rows = await session.RowCountsAsync();

        var problem = await (await office.StepAsync($"/api/v1/complaints/{lodged.Id()}/verification",
            new { against = "nobody.here", summary = "属实" }, assigned.Version())).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Equal("未知工作人员", problem.GetProperty("errors").GetProperty("$.against")[0].GetString());
        Assert.Equal(rows, await session.RowCountsAsync());
    }

    [Fact]
    public async Task Lodge_Returns400_WhenTheCaseIsNotVisibleToTheLodger()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var subject = await (await (await session.SignedInAsync("zhang.wei")).OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);
        var marriageClerk = await session.SignedInAsync("wang.fang");

        var problem = await (await marriageClerk.StepAsync("/api/v1/complaints", new { complainant = "李四", about = "推诿", @case = subject.Id() }))
            .ReadAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("$.case", out _));
    }
}
