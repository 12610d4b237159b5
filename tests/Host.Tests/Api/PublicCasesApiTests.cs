using System.Net;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class PublicCasesApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Lookup_ShowsNothingPersonal_WhenSecretIsRight()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var opened = await (await (await session.SignedInAsync("wang.fang")).OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);

        var response = await session.Anonymous("en").GetAsync(
            $"/api/v1/public/cases/{opened.Text("receiptNumber")}?secret={opened.Text("lookupSecret").ToLowerInvariant()}");
        var text = await response.Content.ReadAsStringAsync();
        var found = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(["item", "stage", "promisedDue", "missingMaterials"], found.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Marriage registration", found.Text("item"));
        Assert.Equal("On-the-spot review", found.Text("stage"));
        Assert.Equal("2026-03-10T17:30:00+08:00", found.Text("promisedDue"));
        Assert.DoesNotContain("张三", text);
    }

    [Fact]
    public async Task Lookup_GivesTheSame404_WhenReceiptIsUnknownOrSecretIsWrong()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var opened = await (await (await session.SignedInAsync("wang.fang")).OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var client = session.Anonymous();

        var wrongSecret = await client.GetAsync($"/api/v1/public/cases/{opened.Text("receiptNumber")}?secret=0000000000AA");
        var unknown = await client.GetAsync("/api/v1/public/cases/20260310-ZZZZZZ?secret=0000000000AA");

        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (a, b) = (await wrongSecret.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(WithoutTraceId(a), WithoutTraceId(b));
    }

    [Fact]
    public async Task Lookup_Returns429WithRetryAfter_WhenAddressExceedsItsRate()
    {
        await using var session = await ApiSession.StartAsync(fixture,
            new Dictionary<string, string> { ["ServiceWindow:Api:PublicRequestsPerMinute"] = "3" });
        var client = session.Anonymous();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync("/api/v1/public/cases/20260310-ZZZZZZ?secret=0000000000AA");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        var problem = await last.ReadAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("请求过于频繁，请稍后再试", problem.Text("title"));
    }

    private static string WithoutTraceId(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
}
