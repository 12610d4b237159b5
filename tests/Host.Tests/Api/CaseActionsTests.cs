using System.Net;
using Dapper;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

/// Flows through the generic actions endpoint: divorce with its cooling-off and withdrawal, and
/// extensions asked, approved and refused.
[Collection(HostDatabase.Name)]
public sealed class CaseActionsTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static object DivorceIntake() => new
    {
        item = "divorce-registration",
        window = "marriage-1",
        applicant = new { name = "张三", idNumber = "110101199003071233", phone = "13812345678" },
        materialsReceived = new[] { "id_cards", "marriage_certificates", "agreement" },
        inputs = new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四" },
    };

    private static async Task<string> StageAsync(HttpClient client, Guid id) =>
        (await (await client.GetAsync($"/api/v1/cases/{id}")).ReadAsync(HttpStatusCode.OK)).GetProperty("stage").Text("id");

    [Fact]
    public async Task Withdraw_ClosesDivorceApplication_DuringCoolingOff()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var applied = await (await clerk.OpenAsync(DivorceIntake())).ReadAsync(HttpStatusCode.Created);

        session.Clock.Set(new DateTimeOffset(2026, 3, 20, 10, 0, 0, Shanghai));
        clerk = await session.SignedInAsync("wang.fang");
        var withdrawn = await (await clerk.ActAsync(applied.Id(), "withdraw", applied.Version(), new { withdrawn_by = "party_b" }))
            .ReadAsync(HttpStatusCode.OK);

        // The cooling-off stage is off the clock: nothing was accepted, so nothing can be late.
        Assert.True(applied.GetProperty("promisedDue").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Equal("withdrawn", withdrawn.GetProperty("stage").Text("id"));
        Assert.Equal("withdrawn", withdrawn.Text("outcome"));
        // The end of the cooling-off period no longer moves a withdrawn application.
        session.Clock.Set(new DateTimeOffset(2026, 4, 10, 10, 0, 0, Shanghai));
        Assert.Equal(0, (await session.SweepAsync()).Fired);
        Assert.Equal("withdrawn", await StageAsync(await session.SignedInAsync("wang.fang"), applied.Id()));
    }

    [Fact]
    public async Task Appear_RegistersDivorce_OnlyAfterThirtyCalendarDaysOfCoolingOff()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var applied = await (await clerk.OpenAsync(DivorceIntake())).ReadAsync(HttpStatusCode.Created);

        var early = await (await clerk.ActAsync(applied.Id(), "appear", applied.Version())).ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("cooling_off", early.Text("stage"));
        // Received Tuesday 10 March; day 1 is 11 March, day 30 is Thursday 9 April, a working day, ending at office close.
        session.Clock.Set(new DateTimeOffset(2026, 4, 9, 17, 29, 59, Shanghai));
        await session.SweepAsync();
        clerk = await session.SignedInAsync("wang.fang");
        Assert.Equal("cooling_off", await StageAsync(clerk, applied.Id()));
        session.Clock.Set(new DateTimeOffset(2026, 4, 9, 17, 30, 0, Shanghai));
        Assert.Equal(1, (await session.SweepAsync()).Fired);
        var waiting = await (await clerk.GetAsync($"/api/v1/cases/{applied.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("awaiting_appearance", waiting.GetProperty("stage").Text("id"));

        session.Clock.Set(new DateTimeOffset(2026, 4, 10, 10, 0, 0, Shanghai));
        clerk = await session.SignedInAsync("wang.fang");
        var reviewing = await (await clerk.ActAsync(applied.Id(), "appear", waiting.Version())).ReadAsync(HttpStatusCode.OK);
        var divorced = await (await clerk.ActAsync(applied.Id(), "register", reviewing.Version(), new { certificate_number = "L110101-2026-000042" }))
            .ReadAsync(HttpStatusCode.OK);

        // The same-visit registration runs on the clock from the appearance: due at that day's office close.
        Assert.Equal("2026-04-10T17:30:00+08:00", reviewing.Text("promisedDue"));
        Assert.Equal("divorced", divorced.GetProperty("stage").Text("id"));
        Assert.Equal("registered", divorced.Text("outcome"));
    }

    [Fact]
    public async Task AppearancePeriod_DeemsDivorceWithdrawn_AtCloseOfMakeUpSaturday()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var applied = await (await clerk.OpenAsync(DivorceIntake())).ReadAsync(HttpStatusCode.Created);
        session.Clock.Set(new DateTimeOffset(2026, 4, 9, 17, 30, 0, Shanghai));
        await session.SweepAsync();

        // 30 days from 9 April end on Saturday 9 May 2026, a make-up workday, so not moved to Monday.
        session.Clock.Set(new DateTimeOffset(2026, 5, 9, 17, 29, 59, Shanghai));
        await session.SweepAsync();
        clerk = await session.SignedInAsync("wang.fang");
        Assert.Equal("awaiting_appearance", await StageAsync(clerk, applied.Id()));
        session.Clock.Set(new DateTimeOffset(2026, 5, 9, 17, 30, 0, Shanghai));
        await session.SweepAsync();
        var deemed = await (await clerk.GetAsync($"/api/v1/cases/{applied.Id()}")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("deemed_withdrawn", deemed.GetProperty("stage").Text("id"));
        Assert.Equal("deemed_withdrawn", deemed.Text("outcome"));
    }

    [Fact]
    public async Task ApproveExtension_MovesBothDeadlinesToMakeUpSaturday_WhenLeaderApprovesTenWorkingDays()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("zhang.wei");
        var opened = await (await clerk.OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);
        var accepted = await (await clerk.ActAsync(opened.Id(), "accept", opened.Version(), new { handler = "zhang.wei" })).ReadAsync(HttpStatusCode.OK);
        var asked = await (await clerk.ActAsync(opened.Id(), "request_extension", accepted.Version(), new { extension = "10wd", reason = "需入户核查" }))
            .ReadAsync(HttpStatusCode.OK);

        var byHandler = await (await clerk.ActAsync(opened.Id(), "approve_extension", asked.Version())).ReadAsync(HttpStatusCode.UnprocessableEntity);
        var approved = await (await (await session.SignedInAsync("sun.min")).ActAsync(opened.Id(), "approve_extension", asked.Version()))
            .ReadAsync(HttpStatusCode.OK);

        Assert.Equal("approve_extension", byHandler.Text("action"));
        Assert.Equal("2026-04-22T17:30:00+08:00", asked.Text("promisedDue"));
        // 40 working days from 10 March: past Qingming and the May Day holiday, day 40 is the make-up Saturday 9 May.
        Assert.Equal("2026-05-09T17:30:00+08:00", approved.Text("promisedDue"));
        Assert.Equal("2026-05-09T17:30:00+08:00", approved.Text("statutoryDue"));
    }

    [Fact]
    public async Task RequestExtension_IsRefusedOnTheRecordWithMisconductFinding_WhenAskedAfterPromisedDeadline()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("zhang.wei");
        var opened = await (await clerk.OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);
        var accepted = await (await clerk.ActAsync(opened.Id(), "accept", opened.Version(), new { handler = "zhang.wei" })).ReadAsync(HttpStatusCode.OK);

        session.Clock.Set(new DateTimeOffset(2026, 4, 23, 10, 0, 0, Shanghai));
        clerk = await session.SignedInAsync("zhang.wei");
        var late = await (await clerk.ActAsync(opened.Id(), "request_extension", accepted.Version(), new { extension = "10wd", reason = "需入户核查" }))
            .ReadAsync(HttpStatusCode.OK);
        var approval = await (await (await session.SignedInAsync("sun.min")).ActAsync(opened.Id(), "approve_extension", late.Version()))
            .ReadAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("investigation", late.GetProperty("stage").Text("id"));
        Assert.Equal("2026-04-22T17:30:00+08:00", late.Text("promisedDue"));
        Assert.Equal("approve_extension", approval.Text("action"));
        var history = await (await clerk.GetAsync($"/api/v1/cases/{opened.Id()}/history")).ReadAsync(HttpStatusCode.OK);
        Assert.Contains(history.EnumerateArray(), e => e.Text("kind") == "extension_refused");
        var findings = await (await clerk.GetAsync("/api/v1/findings")).ReadAsync(HttpStatusCode.OK);
        var finding = Assert.Single(findings.EnumerateArray());
        Assert.Equal("misconduct", finding.Text("kind"));
        Assert.Equal(opened.Id(), finding.GetProperty("case").GetGuid());
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal("zhang.wei", await connection.ExecuteScalarAsync<string>("select responsible_staff_id from findings"));
    }
}
