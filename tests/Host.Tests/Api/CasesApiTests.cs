using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class CasesApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Intake_RunsMarriageRegistrationToRating_WhenRegisteredOnTheSpot()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");

        var response = await clerk.OpenAsync(ApiSession.MarriageIntake());
        var opened = await response.ReadAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/cases/{opened.Id()}", response.Headers.Location!.OriginalString);
        // Immediate item accepted on a working Tuesday at 10:00: due at that day's office close.
        Assert.Equal("2026-03-10T17:30:00+08:00", opened.Text("promisedDue"));
        Assert.Equal("2026-03-10T17:30:00+08:00", opened.Text("statutoryDue"));
        Assert.Matches("^20260310-[0-9A-Z]{6}$", opened.Text("receiptNumber"));
        Assert.Matches("^[0-9A-Z]{12}$", opened.Text("lookupSecret"));
        Assert.Equal(1, opened.Version());

        var registered = await (await clerk.ActAsync(opened.Id(), "register", opened.Version(), new { certificate_number = "J110101-2026-000123" }))
            .ReadAsync(HttpStatusCode.OK);
        Assert.Equal("registered", registered.GetProperty("stage").Text("id"));
        Assert.Equal("已登记", registered.GetProperty("stage").Text("name"));
        Assert.Equal("registered", registered.Text("outcome"));
        Assert.Equal(2, registered.Version());

        var publicView = await (await session.Anonymous().GetAsync(
            $"/api/v1/public/cases/{opened.Text("receiptNumber")}?secret={opened.Text("lookupSecret")}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("结婚登记", publicView.Text("item"));
        Assert.Equal("已登记", publicView.Text("stage"));

        var rating = await session.Anonymous().PostAsJsonAsync($"/api/v1/public/cases/{opened.Text("receiptNumber")}/rating",
            new { secret = opened.Text("lookupSecret"), score = 5, comment = "很快" });
        await rating.ReadAsync(HttpStatusCode.NoContent);
        var again = await session.Anonymous().PostAsJsonAsync($"/api/v1/public/cases/{opened.Text("receiptNumber")}/rating",
            new { secret = opened.Text("lookupSecret"), score = 1 });
        await again.ReadAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Actions_RunMinimumLivingAllowanceToApproval_WithSupplementAndExtension()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("zhang.wei");
        var chief = await session.SignedInAsync("zhao.lei");
        var leader = await session.SignedInAsync("sun.min");

        var opened = await (await clerk.OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);
        var accepted = await (await clerk.ActAsync(opened.Id(), "accept", opened.Version(), new { handler = "zhang.wei" })).ReadAsync(HttpStatusCode.OK);
        // 30 working days from Tuesday 10 March 2026, Qingming (4–6 April) off: 22 April at office close.
        Assert.Equal("2026-04-22T17:30:00+08:00", accepted.Text("promisedDue"));

        session.Clock.Advance(TimeSpan.FromDays(2));
        clerk = await session.SignedInAsync("zhang.wei");
        var waiting = await (await clerk.ActAsync(opened.Id(), "request_supplement", accepted.Version(),
            new { materials = "household_register,income_statement" })).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("awaiting_materials", waiting.GetProperty("stage").Text("id"));
        var lookup = await (await session.Anonymous().GetAsync(
            $"/api/v1/public/cases/{opened.Text("receiptNumber")}?secret={opened.Text("lookupSecret")}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(["户口簿", "家庭收入和财产状况声明"], lookup.GetProperty("missingMaterials").EnumerateArray().Select(m => m.GetString()));

        // Paused from Thursday 10:00 to Friday 10:00: one working day more.
        session.Clock.Advance(TimeSpan.FromDays(1));
        (clerk, chief, leader) = (await session.SignedInAsync("zhang.wei"), await session.SignedInAsync("zhao.lei"), await session.SignedInAsync("sun.min"));
        var resumed = await (await clerk.ActAsync(opened.Id(), "materials_received", waiting.Version())).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("2026-04-23T17:30:00+08:00", resumed.Text("promisedDue"));

        var investigated = await (await clerk.ActAsync(opened.Id(), "complete_investigation", resumed.Version(),
            new { findings = "收入低于当地低保标准" })).ReadAsync(HttpStatusCode.OK);
        var extensionAsked = await (await clerk.ActAsync(opened.Id(), "request_extension", investigated.Version(),
            new { extension = "10wd", reason = "需补充入户核查" })).ReadAsync(HttpStatusCode.OK);
        var extended = await (await leader.ActAsync(opened.Id(), "approve_extension", extensionAsked.Version())).ReadAsync(HttpStatusCode.OK);
        Assert.NotEqual(resumed.Text("statutoryDue"), extended.Text("statutoryDue"));

        var proposed = await (await chief.ActAsync(opened.Id(), "propose_approval", extended.Version(), new { monthly_amount = "800" }))
            .ReadAsync(HttpStatusCode.OK);
        Assert.Equal("public_notice", proposed.GetProperty("stage").Text("id"));
    }

    [Fact]
    public async Task Open_ReturnsSameAnswerAndWritesNothing_WhenRetriedWithSameKey()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");

        var first = await (await clerk.OpenAsync(ApiSession.MarriageIntake(), "intake-42")).ReadAsync(HttpStatusCode.Created);
        var rows = await session.RowCountsAsync();
        var second = await (await clerk.OpenAsync(ApiSession.MarriageIntake(), "intake-42")).ReadAsync(HttpStatusCode.Created);

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(rows, await session.RowCountsAsync());
    }

    [Fact]
    public async Task Open_TakesAnotherReceiptNumber_WhenItsFirstIsTakenThatDay()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        // The clerk and the key decide the case id, so the number the intake would take first is
        // known beforehand: an earlier case of the same day is given it.
        var earlier = await (await clerk.OpenAsync(ApiSession.MarriageIntake(), "intake-1")).ReadAsync(HttpStatusCode.Created);
        var receipts = session.Factory.Services.GetRequiredService<IntakeReceipts>();
        var taken = receipts.Number(IntakeReceipts.CaseId("wang.fang", "intake-2"), ApiSession.Tuesday);
        await using (var connection = await fixture.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update cases set receipt_number = @taken where id = @id",
                new { taken, id = earlier.GetProperty("id").GetGuid() });
        }

        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake(), "intake-2")).ReadAsync(HttpStatusCode.Created);
        var retried = await (await clerk.OpenAsync(ApiSession.MarriageIntake(), "intake-2")).ReadAsync(HttpStatusCode.Created);

        var number = opened.Text("receiptNumber");
        Assert.Matches("^20260310-[0-9A-Z]{6}$", number);
        Assert.NotEqual(taken, number);
        Assert.Equal(number, retried.Text("receiptNumber"));
        var lookup = await session.Anonymous().GetAsync($"/api/v1/public/cases/{number}?secret={opened.Text("lookupSecret")}");
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
    }

    [Fact]
    public async Task Open_Returns422AndWritesNothing_WhenKeyIsReusedWithAnotherBody()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        await (await clerk.OpenAsync(ApiSession.MarriageIntake(), "intake-43")).ReadAsync(HttpStatusCode.Created);
        var rows = await session.RowCountsAsync();

        var reused = await clerk.OpenAsync(ApiSession.MarriageIntake("marriage-2"), "intake-43");

        await reused.ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(rows, await session.RowCountsAsync());
    }

    [Fact]
    public async Task Act_ReturnsSameCaseOnce_WhenRetriedWithSameKey()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);

        var first = await (await clerk.ActAsync(opened.Id(), "register", 1, new { certificate_number = "J1" }, "act-1")).ReadAsync(HttpStatusCode.OK);
        var rows = await session.RowCountsAsync();
        var second = await (await clerk.ActAsync(opened.Id(), "register", 1, new { certificate_number = "J1" }, "act-1")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(first.Version(), second.Version());
        Assert.Equal(rows, await session.RowCountsAsync());
    }

    [Fact]
    public async Task Act_Returns409_WhenVersionIsStale()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        await (await clerk.ActAsync(opened.Id(), "register", 1, new { certificate_number = "J1" })).ReadAsync(HttpStatusCode.OK);

        var stale = await clerk.ActAsync(opened.Id(), "refuse", 1, new { reason = "证件不符" });

        await stale.ReadAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Act_Returns422NamingStageAndAction_WhenActionIsNotAllowedNow()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);

        var problem = await (await clerk.ActAsync(opened.Id(), "approve_extension", 1)).ReadAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("reviewing", problem.Text("stage"));
        Assert.Equal("approve_extension", problem.Text("action"));
        Assert.Contains("reviewing", problem.Text("detail"));
    }

    [Fact]
    public async Task List_FiltersByStageWithTotal_AndMasksPersonalData()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var first = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        await (await clerk.ActAsync(first.Id(), "register", 1, new { certificate_number = "J1" })).ReadAsync(HttpStatusCode.OK);

        var page = await (await clerk.GetAsync("/api/v1/cases?stage=reviewing&pageSize=1")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(1, page.GetProperty("total").GetInt64());
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("110101********1233", item.GetProperty("applicant").Text("idNumber"));
        Assert.Equal("138****5678", item.GetProperty("applicant").Text("phone"));
        var all = await (await clerk.GetAsync("/api/v1/cases")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2, all.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Queue_ListsMyOpenCases_NearestDeadlineFirst()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("zhang.wei");
        var allowance = await (await clerk.OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);
        await (await clerk.ActAsync(allowance.Id(), "accept", 1, new { handler = "zhang.wei" })).ReadAsync(HttpStatusCode.OK);
        var marriageClerk = await session.SignedInAsync("wang.fang");
        var marriage = await (await marriageClerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);

        var mine = await (await clerk.GetAsync("/api/v1/queues/mine")).ReadAsync(HttpStatusCode.OK);
        var theirs = await (await marriageClerk.GetAsync("/api/v1/queues/mine")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal([allowance.Id()], mine.EnumerateArray().Select(c => c.Id()));
        Assert.Equal([marriage.Id()], theirs.EnumerateArray().Select(c => c.Id()));
    }

    [Fact]
    public async Task Detail_Returns404_WhenCaseBelongsToAnotherWindowAndDepartment()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var marriageClerk = await session.SignedInAsync("wang.fang");
        var opened = await (await marriageClerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);

        var otherWindow = await (await session.SignedInAsync("li.na")).GetAsync($"/api/v1/cases/{opened.Id()}");
        var otherDepartmentChief = await (await session.SignedInAsync("zhao.lei")).GetAsync($"/api/v1/cases/{opened.Id()}");
        var ownChief = await (await session.SignedInAsync("chen.jing")).GetAsync($"/api/v1/cases/{opened.Id()}");
        var efficiencyOffice = await (await session.SignedInAsync("zhou.qiang")).GetAsync($"/api/v1/cases/{opened.Id()}");

        await otherWindow.ReadAsync(HttpStatusCode.NotFound);
        await otherDepartmentChief.ReadAsync(HttpStatusCode.NotFound);
        await ownChief.ReadAsync(HttpStatusCode.OK);
        await efficiencyOffice.ReadAsync(HttpStatusCode.OK);
    }
}
