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
