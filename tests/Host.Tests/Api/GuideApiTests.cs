using System.Net;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class GuideApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Guide_GivesMaterialsLimitsAndLegalBasis_WithoutSignIn()
    {
        await using var session = await ApiSession.StartAsync(fixture);

        var guide = await (await session.Anonymous().GetAsync("/api/v1/catalogue/minimum-living-allowance/guide")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("最低生活保障审核确认", guide.Text("name"));
        Assert.Equal("promised", guide.Text("kind"));
        Assert.Equal("30wd", guide.Text("statutoryLimit"));
        Assert.Equal("30wd", guide.Text("promisedLimit"));
        Assert.Equal("15wd", guide.Text("maximumExtension"));
        Assert.Contains(guide.GetProperty("materials").EnumerateArray(), m => m.Text("id") == "application_form" && m.Text("name") == "申请书");
        Assert.False(string.IsNullOrWhiteSpace(guide.Text("legalBasis")));
        Assert.True(guide.TryGetProperty("fee", out _));
    }

    [Fact]
    public async Task Guide_SpeaksEnglish_WhenAsked()
    {
        await using var session = await ApiSession.StartAsync(fixture);

        var guide = await (await session.Anonymous("en").GetAsync("/api/v1/catalogue/marriage-registration/guide")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("Marriage registration", guide.Text("name"));
        Assert.Equal("immediate", guide.Text("kind"));
        Assert.Equal("0wd", guide.Text("promisedLimit"));
        Assert.StartsWith("《婚姻登记条例》", guide.Text("legalBasis"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-item", "an unknown item")]
    [InlineData("complaint-handling", "a workflow the office runs on itself")]
    public async Task Guide_Answers404_WhenTheItemIsNoServiceACitizenAppliesFor(string item, string edge)
    {
        await using var session = await ApiSession.StartAsync(fixture);

        var response = await session.Anonymous().GetAsync($"/api/v1/catalogue/{item}/guide");

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, edge);
    }
}
