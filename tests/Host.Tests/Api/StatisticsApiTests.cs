using System.Net;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

/// The demo office's fourth quarter of 2026 (see DemoQuarter), read over the API.
[Collection(HostDatabase.Name)]
public sealed class StatisticsApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private async Task<ApiSession> StartAwardedAsync()
    {
        var session = await ApiSession.StartAsync(fixture);
        await DemoQuarter.CloseAsync(fixture);
        await DemoQuarter.Register(fixture).AwardAsync(DemoQuarter.Q4);
        return session;
    }

    [Theory]
    [InlineData("zhou.qiang")] // the efficiency office
    [InlineData("sun.min")] // a leader
    public async Task Honours_ReturnsTheStoredHonoursExplained_WhenTheOfficeOrALeaderAsks(string login)
    {
        await using var session = await StartAwardedAsync();
        var reader = await session.SignedInAsync(login);

        var honours = await (await reader.GetAsync("/api/v1/statistics/honours?quarter=2026-Q4")).ReadAsync(HttpStatusCode.OK);

        // marriage-2: 54 + 32 - 2 = 84, after marriage-1 was barred by wang.fang's finding.
        Assert.Equal("2026-Q4", honours.GetProperty("quarter").GetString());
        var window = honours.GetProperty("redFlagWindows")[0];
        Assert.Equal(("marriage-2", 84m), (window.GetProperty("window").GetString(), window.GetProperty("score").GetDecimal()));
        Assert.Equal([54m, 32m, -2m, 0m, 0m], window.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("points").GetDecimal()));
        Assert.Equal("li.na", honours.GetProperty("serviceStars")[0].GetProperty("window").GetString());
        Assert.Equal(("marriage-1", 1), (honours.GetProperty("barredWindows")[0].GetProperty("key").GetString(),
            honours.GetProperty("barredWindows")[0].GetProperty("confirmedFindings").GetInt32()));
    }

    [Theory]
    [InlineData("chen.jing")] // a section chief
    [InlineData("wang.fang")] // a clerk
    public async Task Honours_Refuses_WhenTheReaderNeitherCirculatesNorApprovesThem(string login)
    {
        await using var session = await StartAwardedAsync();
        var reader = await session.SignedInAsync(login);

        var response = await reader.GetAsync("/api/v1/statistics/honours?quarter=2026-Q4");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Honours_AnswersNotFoundWithAProblem_WhenTheQuarterWasNotAwarded()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var office = await session.SignedInAsync("zhou.qiang", "en");

        var problem = await (await office.GetAsync("/api/v1/statistics/honours?quarter=2026-Q3")).ReadAsync(HttpStatusCode.NotFound);

        Assert.Equal("The honours of this quarter have not been awarded yet (they are awarded once its three months are closed)",
            problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/statistics/honours")]
    [InlineData("/api/v1/statistics/honours?quarter=2026-Q5")]
    [InlineData("/api/v1/statistics/honours?quarter=2026-10")]
    [InlineData("/api/v1/statistics/honours?quarter=9999-Q4")]
    [InlineData("/api/v1/statistics/honours?quarter=%00")]
    public async Task Honours_RefusesWithAProblemNamingTheQuarter_WhenItIsMalformed(string path)
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var office = await session.SignedInAsync("zhou.qiang", "zh-CN");

        var problem = await (await office.GetAsync(path)).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["季度格式须为 yyyy-Qn，例如 2026-Q4"], problem.GetProperty("errors").GetProperty("quarter").EnumerateArray().Select(e => e.GetString()));
    }
}
