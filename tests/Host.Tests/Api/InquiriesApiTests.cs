using System.Net;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class InquiriesApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private static readonly object Question = new { channel = "in_person", matter = "咨询低保申请条件" };

    [Fact]
    public async Task Acknowledge_MakesTargetWindowResponsible_WhileOwnerStaysOnRecord()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        // 10:15:45 on a working Tuesday: the rules' own example, 2 working hours end at 13:45:45 across the lunch break.
        session.Clock.Set(new DateTimeOffset(2026, 3, 10, 10, 15, 45, TimeSpan.FromHours(8)));
        var hallClerk = await session.SignedInAsync("liu.yang");

        var logged = await (await hallClerk.StepAsync("/api/v1/inquiries", Question)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal("logged", logged.GetProperty("stage").Text("id"));
        Assert.Equal("hall-1", logged.Text("window"));
        Assert.Equal("liu.yang", logged.Text("firstInquiryOwner"));
        Assert.Equal("liu.yang", logged.Text("handler"));

        var referred = await (await hallClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/referral",
            new { targetWindow = "assistance-1", contact = "13812345678" }, logged.Version())).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("referred", referred.GetProperty("stage").Text("id"));
        Assert.Equal("liu.yang", referred.Text("handler"));

        var assistanceClerk = await session.SignedInAsync("zhang.wei");
        var pending = Assert.Single((await (await assistanceClerk.GetAsync("/api/v1/inquiries/referrals/pending")).ReadAsync(HttpStatusCode.OK))
            .EnumerateArray());
        Assert.Equal(logged.Id(), pending.Id());
        Assert.Equal("hall-1", pending.Text("fromWindow"));
        Assert.Equal("13812345678", pending.Text("contact"));
        Assert.Equal("2026-03-10T10:15:45+08:00", pending.Text("referredAt"));
        Assert.Equal("2026-03-10T13:45:45+08:00", pending.Text("acknowledgeBy"));
        Assert.False(pending.GetProperty("overdue").GetBoolean());
        // The social-assistance chief sees their department's referrals; other windows and departments see none.
        Assert.Single((await (await (await session.SignedInAsync("zhao.lei")).GetAsync("/api/v1/inquiries/referrals/pending"))
            .ReadAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await (await (await session.SignedInAsync("li.na")).GetAsync("/api/v1/inquiries/referrals/pending"))
            .ReadAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await (await (await session.SignedInAsync("chen.jing")).GetAsync("/api/v1/inquiries/referrals/pending"))
            .ReadAsync(HttpStatusCode.OK)).EnumerateArray());

        var otherWindow = await (await session.SignedInAsync("li.na")).StepAsync($"/api/v1/inquiries/{logged.Id()}/acknowledgement",
            version: referred.Version());
        await otherWindow.ReadAsync(HttpStatusCode.NotFound);
        var stale = await assistanceClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/acknowledgement", version: logged.Version());
        await stale.ReadAsync(HttpStatusCode.Conflict);

        var acknowledged = await (await assistanceClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/acknowledgement", version: referred.Version()))
            .ReadAsync(HttpStatusCode.OK);
        Assert.Equal("acknowledged", acknowledged.GetProperty("stage").Text("id"));
        Assert.Equal("zhang.wei", acknowledged.Text("handler"));
        Assert.Equal("liu.yang", acknowledged.Text("firstInquiryOwner"));
        Assert.Empty((await (await assistanceClerk.GetAsync("/api/v1/inquiries/referrals/pending")).ReadAsync(HttpStatusCode.OK)).EnumerateArray());

        var answered = await (await assistanceClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/answer",
            new { answer = "已电话告知低保申请条件和材料" }, acknowledged.Version())).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("answered", answered.Text("outcome"));
        Assert.Equal("已电话告知低保申请条件和材料", answered.Text("answer"));
        var ownersView = await (await hallClerk.GetAsync($"/api/v1/inquiries/{logged.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("answered", ownersView.GetProperty("stage").Text("id"));
    }

    [Fact]
    public async Task PendingReferrals_MarkOverdue_OnceTwoWorkingHoursHavePassed()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        session.Clock.Set(new DateTimeOffset(2026, 3, 10, 16, 30, 0, TimeSpan.FromHours(8)));
        var hallClerk = await session.SignedInAsync("liu.yang");
        var logged = await (await hallClerk.StepAsync("/api/v1/inquiries", Question)).ReadAsync(HttpStatusCode.Created);
        await (await hallClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/referral", new { targetWindow = "marriage-1", contact = "010-6512 3456" },
            logged.Version())).ReadAsync(HttpStatusCode.OK);

        // One working hour on Tuesday until 17:30, the second from Wednesday's 09:00 opening.
        session.Clock.Set(new DateTimeOffset(2026, 3, 11, 9, 59, 59, TimeSpan.FromHours(8)));
        var marriageClerk = await session.SignedInAsync("wang.fang");
        var onTime = Assert.Single((await (await marriageClerk.GetAsync("/api/v1/inquiries/referrals/pending")).ReadAsync(HttpStatusCode.OK))
            .EnumerateArray());
        session.Clock.Set(new DateTimeOffset(2026, 3, 11, 10, 0, 1, TimeSpan.FromHours(8)));
        var late = Assert.Single((await (await marriageClerk.GetAsync("/api/v1/inquiries/referrals/pending")).ReadAsync(HttpStatusCode.OK))
            .EnumerateArray());

        Assert.Equal("2026-03-11T10:00:00+08:00", onTime.Text("acknowledgeBy"));
        Assert.False(onTime.GetProperty("overdue").GetBoolean());
        Assert.True(late.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Refer_Returns400AndWritesNothing_WhenTargetIsTheHoldingWindowOrUnknown()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var hallClerk = await session.SignedInAsync("liu.yang", "en");
        var logged = await (await hallClerk.StepAsync("/api/v1/inquiries", Question)).ReadAsync(HttpStatusCode.Created);
        var rows = await session.RowCountsAsync();

        var same = await (await hallClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/referral", new { targetWindow = "hall-1", contact = "13812345678" },
            logged.Version())).ReadAsync(HttpStatusCode.BadRequest);
        var unknown = await (await hallClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/referral",
            new { targetWindow = "window-99", contact = "call me" }, logged.Version())).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Refer to another window than the one holding the inquiry", same.GetProperty("errors").GetProperty("$.targetWindow")[0].GetString());
        Assert.Equal("Unknown window", unknown.GetProperty("errors").GetProperty("$.targetWindow")[0].GetString());
        Assert.True(unknown.GetProperty("errors").TryGetProperty("$.contact", out _));
        Assert.Equal(rows, await session.RowCountsAsync());
    }

    [Fact]
    public async Task Log_ReturnsSameInquiryAndWritesNothing_WhenRetriedWithSameKey()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var chief = await session.SignedInAsync("chen.jing");

        // A section chief has no window of their own and names the one the inquiry is logged at.
        var first = await (await chief.StepAsync("/api/v1/inquiries", new { channel = "phone", matter = "咨询补领结婚证", window = "marriage-2" },
            idempotencyKey: "call-7")).ReadAsync(HttpStatusCode.Created);
        var rows = await session.RowCountsAsync();
        var second = await (await chief.StepAsync("/api/v1/inquiries", new { channel = "phone", matter = "咨询补领结婚证", window = "marriage-2" },
            idempotencyKey: "call-7")).ReadAsync(HttpStatusCode.Created);
        var withoutWindow = await (await chief.StepAsync("/api/v1/inquiries", Question)).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Equal(first.Id(), second.Id());
        Assert.Equal("marriage-2", first.Text("window"));
        Assert.Equal(rows, await session.RowCountsAsync());
        Assert.True(withoutWindow.GetProperty("errors").TryGetProperty("$.window", out _));
    }

    [Fact]
    public async Task OpenCase_KeepsTheFirstInquiryOwnerOnTheCase_WhenTheAcknowledgingWindowTakesTheMatterOn()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var hallClerk = await session.SignedInAsync("liu.yang");
        var logged = await (await hallClerk.StepAsync("/api/v1/inquiries", new { channel = "in_person", matter = "办理结婚登记" }))
            .ReadAsync(HttpStatusCode.Created);
        var referred = await (await hallClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/referral",
            new { targetWindow = "marriage-1", contact = "13812345678" }, logged.Version())).ReadAsync(HttpStatusCode.OK);
        var marriageClerk = await session.SignedInAsync("wang.fang");
        var acknowledged = await (await marriageClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/acknowledgement", version: referred.Version()))
            .ReadAsync(HttpStatusCode.OK);

        var response = await marriageClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/case", ApiSession.MarriageIntake(), acknowledged.Version());
        var opened = await response.ReadAsync(HttpStatusCode.Created);
        var rows = await session.RowCountsAsync();
        var retried = await (await marriageClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/case", ApiSession.MarriageIntake(),
            acknowledged.Version() + 1)).ReadAsync(HttpStatusCode.Created);
        var afterRetry = await session.RowCountsAsync();

        Assert.Equal($"/api/v1/cases/{opened.Id()}", response.Headers.Location!.OriginalString);
        Assert.Equal(opened.GetRawText(), retried.GetRawText());
        Assert.Equal(rows, afterRetry);
        var detail = await (await marriageClerk.GetAsync($"/api/v1/cases/{opened.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("liu.yang", detail.Text("firstInquiryOwner"));
        Assert.Equal("wang.fang", detail.Text("handler"));
        Assert.Equal("marriage-1", detail.Text("window"));
        var inquiry = await (await hallClerk.GetAsync($"/api/v1/inquiries/{logged.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("case_opened", inquiry.Text("outcome"));
    }

    [Fact]
    public async Task OpenCase_WritesNothing_WhenIntakeInputIsRefusedOrInquiryVersionIsStale()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var marriageClerk = await session.SignedInAsync("wang.fang");
        var logged = await (await marriageClerk.StepAsync("/api/v1/inquiries", new { channel = "phone", matter = "办理结婚登记" }))
            .ReadAsync(HttpStatusCode.Created);
        var rows = await session.RowCountsAsync();
        var badIdNumber = new
        {
            item = "marriage-registration",
            window = "marriage-1",
            applicant = new { name = "张三", idNumber = "110101199003071234", phone = "13812345678" },
            materialsReceived = new[] { "id_cards", "declaration" },
            inputs = new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四" },
        };

        var refused = await (await marriageClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/case", badIdNumber, logged.Version()))
            .ReadAsync(HttpStatusCode.BadRequest);
        await (await marriageClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/case", ApiSession.MarriageIntake(), logged.Version() + 1))
            .ReadAsync(HttpStatusCode.Conflict);
        var unchanged = await session.RowCountsAsync();
        var opened = await (await marriageClerk.StepAsync($"/api/v1/inquiries/{logged.Id()}/case", ApiSession.MarriageIntake(), logged.Version()))
            .ReadAsync(HttpStatusCode.Created);

        Assert.True(refused.GetProperty("errors").TryGetProperty("$.applicant.idNumber", out _));
        Assert.Equal(rows, unchanged);
        var detail = await (await marriageClerk.GetAsync($"/api/v1/cases/{opened.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("wang.fang", detail.Text("firstInquiryOwner"));
    }
}
