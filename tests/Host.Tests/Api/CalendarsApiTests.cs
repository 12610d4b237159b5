using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class CalendarsApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture), IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "CalendarSamples");
    private static readonly DateTimeOffset MondayBeforeNewYear = new(2026, 12, 28, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly ScratchWorkflows workflows = new();

    public void Dispose() => workflows.Dispose();

    [Fact]
    public async Task Upload_MovesAProvisionalDeadline_WhenTheNewYearAddsHolidays()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        session.Clock.Set(MondayBeforeNewYear);
        var clerk = await session.SignedInAsync("zhang.wei");
        var opened = await (await clerk.OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);
        var accepted = await (await clerk.ActAsync(opened.Id(), "accept", opened.Version(), new { handler = "zhang.wei" })).ReadAsync(HttpStatusCode.OK);
        // 30 working days from the day after Monday 28 December 2026: 29-31 December are 3; 2027 is not
        // in force, so only weekends are off: 1 January is the 4th, then five a week to Monday 8 February.
        Assert.Equal("2027-02-08T17:30:00+08:00", accepted.Text("promisedDue"));

        var admin = await session.SignedInAsync("admin");
        var queued = await QueuedRecomputationsAsync();
        var upload = await admin.PutAsync("/api/v1/calendars/2027", Body("holiday-cn-2027-made-up.json", "application/json"));
        var answer = await upload.ReadAsync(HttpStatusCode.OK);

        Assert.Equal("added", answer.GetProperty("changes")[0].Text("kind"));
        Assert.True(answer.GetProperty("recomputeQueued").GetBoolean());
        Assert.Equal(queued + 1, await QueuedRecomputationsAsync());
        await ActivatorUtilities.CreateInstance<DeadlineRecomputeJob>(session.Factory.Services).RunAsync(CancellationToken.None);
        var moved = await (await clerk.GetAsync($"/api/v1/cases/{opened.Id()}")).ReadAsync(HttpStatusCode.OK);
        // The made-up 2027: 1-3 January off (4th working day lost), 6-12 February off; 20 February is
        // worked but comes after. 3 + 25 (4 January to 5 February) + 15 and 16 February: Tuesday 16 February.
        Assert.Equal("2027-02-16T17:30:00+08:00", moved.Text("promisedDue"));
        var written = CalendarLoader.Load("cn-mainland.json", await File.ReadAllTextAsync(workflows.CalendarPath), TimeZoneInfo.FindSystemTimeZoneById);
        Assert.Equal(2027, written.LastCoveredYear);
    }

    [Fact]
    public async Task Upload_PutsTheCalendarInForceAtOnce_ForTheNextCase()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        session.Clock.Set(MondayBeforeNewYear);
        var admin = await session.SignedInAsync("admin");
        await (await admin.PostAsync("/api/v1/calendars", Body("holiday-cn-2027-made-up.json", "application/json"))).ReadAsync(HttpStatusCode.OK);

        var clerk = await session.SignedInAsync("zhang.wei");
        var opened = await (await clerk.OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);
        var accepted = await (await clerk.ActAsync(opened.Id(), "accept", opened.Version(), new { handler = "zhang.wei" })).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("2027-02-16T17:30:00+08:00", accepted.Text("promisedDue"));
        var calendar = await (await clerk.GetAsync("/api/v1/calendars")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal([2024, 2025, 2026, 2027], calendar.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal(2, calendar.GetProperty("version").GetInt32());
        Assert.False(calendar.GetProperty("nextYearMissing").GetBoolean());
    }

    [Fact]
    public async Task List_SaysNextYearIsMissing_WhenNovemberHasComeWithoutIt()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        // 31 October 23:59 and 1 November 00:00, office time.
        session.Clock.Set(new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.FromHours(8)));
        var clerk = await session.SignedInAsync("zhang.wei");
        var october = await (await clerk.GetAsync("/api/v1/calendars")).ReadAsync(HttpStatusCode.OK);
        session.Clock.Set(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        var november = await (await clerk.GetAsync("/api/v1/calendars")).ReadAsync(HttpStatusCode.OK);

        Assert.False(october.GetProperty("nextYearMissing").GetBoolean());
        Assert.True(november.GetProperty("nextYearMissing").GetBoolean());
        Assert.Equal(1, november.GetProperty("version").GetInt32());
        Assert.StartsWith("国办发明电〔2023〕7号", november.GetProperty("years")[0].Text("source"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Year_ListsTheDaysOffAndMakeUpWorkdays()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var clerk = await session.SignedInAsync("zhang.wei");

        var year = await (await clerk.GetAsync("/api/v1/calendars/2026")).ReadAsync(HttpStatusCode.OK);
        var missing = await clerk.GetAsync("/api/v1/calendars/2031");

        var national = year.GetProperty("holidays").EnumerateArray().Single(h => h.Text("name") == "国庆节");
        Assert.Equal("2026-10-01", national.Text("from"));
        Assert.Equal("2026-10-07", national.Text("to"));
        Assert.Contains(year.GetProperty("makeUpWorkdays").EnumerateArray(), m => m.Text("date") == "2026-10-10");
        await missing.ReadAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("holiday-cn-2027-unpublished.json", 2027, "not published", "an empty year")]
    [InlineData("holiday-cn-2025-contradicting.json", 2025, "both a day off and a make-up workday", "a self-contradicting year")]
    [InlineData("holiday-cn-2025-revised.json", 2025, "already in force", "a change to a year in force without replace")]
    [InlineData("holiday-cn-2027-made-up.json", 2028, "brings no year 2028", "a file without the year of the address")]
    public async Task Upload_Refuses422_AndChangesNothing_WhenTheImportIsWrong(string sample, int year, string message, string edge)
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var admin = await session.SignedInAsync("admin", "en");
        var before = await File.ReadAllTextAsync(workflows.CalendarPath);
        var queued = await QueuedRecomputationsAsync();

        var response = await admin.PutAsync($"/api/v1/calendars/{year}", Body(sample, "application/json"));

        var problem = await response.ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.Text("detail").Contains(message, StringComparison.Ordinal), $"{edge}: {problem}");
        Assert.Equal(before, await File.ReadAllTextAsync(workflows.CalendarPath));
        Assert.Equal(queued, await QueuedRecomputationsAsync());
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from calendars"));
    }

    [Fact]
    public async Task Upload_ReplacesAYearInForce_WhenAskedTo()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var admin = await session.SignedInAsync("admin");

        var answer = await (await admin.PutAsync("/api/v1/calendars/2025?replace=true", Body("holiday-cn-2025-revised.json", "application/json")))
            .ReadAsync(HttpStatusCode.OK);

        Assert.Equal("replaced", answer.GetProperty("changes")[0].Text("kind"));
        Assert.Equal("days off added: 2025-10-09", answer.GetProperty("changes")[0].GetProperty("details")[0].GetString());
        var year = await (await admin.GetAsync("/api/v1/calendars/2025")).ReadAsync(HttpStatusCode.OK);
        Assert.Contains(year.GetProperty("holidays").EnumerateArray(), h => string.CompareOrdinal(h.Text("from"), "2025-10-09") <= 0
            && string.CompareOrdinal(h.Text("to"), "2025-10-09") >= 0);
    }

    [Fact]
    public async Task Upload_ChangesNothing_WhenTheICalendarFeedMatchesTheYearInForce()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var admin = await session.SignedInAsync("admin");
        var before = await File.ReadAllTextAsync(workflows.CalendarPath);

        var answer = await (await admin.PutAsync("/api/v1/calendars/2026", Body("cn-mainland-2026.ics", "text/calendar"))).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("unchanged", answer.GetProperty("changes")[0].Text("kind"));
        Assert.Equal(JsonNull, answer.GetProperty("version").ValueKind);
        Assert.False(answer.GetProperty("recomputeQueued").GetBoolean());
        Assert.Equal(before, await File.ReadAllTextAsync(workflows.CalendarPath));
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    private static ByteArrayContent Body(string sample, string mediaType)
    {
        var content = new ByteArrayContent(File.ReadAllBytes(Path.Combine(Samples, sample)));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private async Task<int> QueuedRecomputationsAsync()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var exists = await connection.ExecuteScalarAsync<bool>("select to_regclass('hangfire.job') is not null");
        return exists
            ? await connection.ExecuteScalarAsync<int>(
                "select count(*) from hangfire.job where invocationdata::text like '%DeadlineRecomputeJob%'")
            : 0;
    }
}
