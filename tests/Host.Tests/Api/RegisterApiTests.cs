using System.Net;
using Dapper;
using MiniExcelLibs;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

/// The register download of the demo office: 王芳 (wang.fang) at 婚姻登记1号窗口 (marriage-1) has one
/// finding opened in 2026 and one in 2025.
[Collection(HostDatabase.Name)]
public sealed class RegisterApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private async Task<ApiSession> StartWithFindingsAsync()
    {
        var session = await ApiSession.StartAsync(fixture);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into findings (id, kind, responsible_staff_id, reason, opened_at) values
                (gen_random_uuid(), 'inaction', 'wang.fang', 'untouched for 3 working days', '2026-03-02 09:00+08'),
                (gen_random_uuid(), 'inaction', 'wang.fang', 'last year', '2025-03-02 09:00+08');
            """);
        return session;
    }

    [Fact]
    public async Task Export_ReturnsTheYearsFindingsAsCsvWithMaskedNames_WhenTheEfficiencyOfficeAsks()
    {
        await using var session = await StartWithFindingsAsync();
        var office = await session.SignedInAsync("zhou.qiang", "zh-CN");

        var response = await office.GetAsync("/api/v1/register/findings?year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("findings-2026.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(
            """
            工号,姓名,窗口编号,窗口,登记时间,类别,状态,事由,受理编号,认定时间
            wang.fang,王*,marriage-1,婚姻登记1号窗口,2026-03-02 09:00,不作为,待认定,untouched for 3 working days,,

            """.ReplaceLineEndings(Environment.NewLine), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_ReturnsAWorkbookInEnglish_WhenXlsxIsAskedInEnglish()
    {
        await using var session = await StartWithFindingsAsync();
        var office = await session.SignedInAsync("zhou.qiang", "en");

        var response = await office.GetAsync("/api/v1/register/findings?year=2025&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("findings-2025.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal(("王*", "Marriage window 1", "Inaction", "last year"), ($"{row["Name"]}", $"{row["Window"]}", $"{row["Kind"]}", $"{row["Reason"]}"));
    }

    /// 王芳 (wang.fang) has complaints verified through the API on Tuesday 2026-03-10 10:00, 2026-12-31 23:50
    /// and 2027-01-01 00:10 Shanghai time (still 31 December in UTC): the engine gives rungs 1, 2, then 1 of the
    /// new year, and the register lists each under its year as decided. A complaint lodged against her case
    /// and assigned but not verified is no sanction.
    [Fact]
    public async Task Export_ListsVerifiedComplaintsWithTheRungTheEngineGave_WhenTheYearTurnsInShanghai()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var subject = await (await (await session.SignedInAsync("wang.fang")).OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var march = await ComplaintsApiTests.VerifiedAsync(session, subject.Id(), "wang.fang");
        var office = await session.SignedInAsync("zhou.qiang");
        var pending = await (await office.StepAsync("/api/v1/complaints", new { complainant = "王五", about = "答复含糊", @case = subject.Id() }))
            .ReadAsync(HttpStatusCode.Created);
        await (await office.ActAsync(pending.Id(), "assign", pending.Version(), new { handler = "zhou.qiang" })).ReadAsync(HttpStatusCode.OK);
        session.Clock.Set(new DateTimeOffset(2026, 12, 31, 23, 50, 0, TimeSpan.FromHours(8)));
        var lastEvening = await ComplaintsApiTests.VerifiedAsync(session, subject.Id(), "wang.fang");
        session.Clock.Set(new DateTimeOffset(2027, 1, 1, 0, 10, 0, TimeSpan.FromHours(8)));
        var newYear = await ComplaintsApiTests.VerifiedAsync(session, subject.Id(), "wang.fang");
        office = await session.SignedInAsync("zhou.qiang", "zh-CN");

        var year2026 = await office.GetAsync("/api/v1/register/sanctions?year=2026");
        var year2027 = await office.GetAsync("/api/v1/register/sanctions?year=2027");

        Assert.Equal([1, 2, 1], new[] { march, lastEvening, newYear }.Select(c => c.GetProperty("verifiedCount").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, year2026.StatusCode);
        Assert.Equal("sanctions-2026.csv", year2026.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(
            $"""
            工号,姓名,窗口编号,窗口,年度,次数,处理,投诉查实时间,状态,投诉编号
            wang.fang,王*,marriage-1,婚姻登记1号窗口,2026,1,诫勉谈话,2026-03-10 10:00,待认定,{march.Id()}
            wang.fang,王*,marriage-1,婚姻登记1号窗口,2026,2,通报批评,2026-12-31 23:50,待认定,{lastEvening.Id()}

            """.ReplaceLineEndings(Environment.NewLine), await year2026.Content.ReadAsStringAsync());
        Assert.Equal(
            $"""
            工号,姓名,窗口编号,窗口,年度,次数,处理,投诉查实时间,状态,投诉编号
            wang.fang,王*,marriage-1,婚姻登记1号窗口,2027,1,诫勉谈话,2027-01-01 00:10,待认定,{newYear.Id()}

            """.ReplaceLineEndings(Environment.NewLine), await year2027.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/register/findings", 400)]
    [InlineData("/api/v1/register/findings?year=26", 400)]
    [InlineData("/api/v1/register/findings?year=9999", 400)]
    [InlineData("/api/v1/register/findings?year=abcd", 400)]
    [InlineData("/api/v1/register/findings?year=2026&format=pdf", 400)]
    [InlineData("/api/v1/register/complaints?year=2026", 404)]
    public async Task Export_RefusesWithAProblem_WhenTheRequestIsMalformed(string path, int status)
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var office = await session.SignedInAsync("zhou.qiang");

        var response = await office.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
