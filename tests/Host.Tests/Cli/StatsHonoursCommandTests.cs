using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Cli;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Cli;

/// The demo office's fourth quarter of 2026 (see DemoQuarter).
[Collection(HostDatabase.Name)]
public sealed class StatsHonoursCommandTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection([new("ConnectionStrings:ServiceWindow", fixture.ConnectionString)])
        .Build();

    private async Task AwardAsync()
    {
        await fixture.LoadDemoOrganisationAsync();
        await DemoQuarter.CloseAsync(fixture);
        await DemoQuarter.Register(fixture).AwardAsync(DemoQuarter.Q4);
    }

    [Fact]
    public async Task Honours_ExitsOne_WhenTheQuarterWasNotAwarded()
    {
        var (exit, output, _) = await RunAsync("stats", "honours", "--quarter", "2026-Q4");

        Assert.Equal(1, exit);
        Assert.Contains("2026-Q4: not awarded yet", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-4")]
    [InlineData("Q4-2026")]
    public async Task Honours_ExitsTwoNamingTheForm_WhenTheQuarterIsMalformed(string quarter)
    {
        var (exit, _, error) = await RunAsync("stats", "honours", "--quarter", quarter);

        Assert.Equal(2, exit);
        Assert.Contains($"--quarter '{quarter}' is not a quarter such as 2026-Q4", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Honours_PrintsEachScoreLineByLineAndWhoIsBarred_WhenTheQuarterWasAwarded()
    {
        await AwardAsync();

        var (exit, output, _) = await RunAsync("stats", "honours", "--quarter", "2026-Q4");

        // marriage-2 and li.na: 60*9/10 = 54, 40*4/5 = 32, one late -2 => 84; marriage-1 and wang.fang barred.
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "2026-Q4 honours, weights: on time 60, satisfaction 40, overdue -2, statutory breach -5, confirmed finding -10",
                "red-flag windows, places: 1",
                "1  marriage-2  84",
                "onTimeRate         9/10      x 60    = 54",
                "satisfactionRate   4/5       x 40    = 32",
                "overdue            1         x 2     = -2",
                "statutoryBreaches  0         x 5     = 0",
                "confirmedFindings  0         x 10    = 0",
                "service stars, places: 1",
                "1  li.na  84",
            ], lines[..10]);
        Assert.Equal("not eligible, a finding confirmed in the quarter: windows marriage-1 (1); staff wang.fang (1)", lines[^1]);
    }

    [Fact]
    public async Task Honours_PrintsTheStoredHonoursAsJson_WhenAsked()
    {
        await AwardAsync();

        var (exit, output, _) = await RunAsync("stats", "honours", "--quarter", "2026-q4", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2026-Q4", root.GetProperty("quarter").GetString());
        var window = root.GetProperty("redFlagWindows")[0];
        Assert.Equal(("marriage-2", 84m), (window.GetProperty("window").GetString(), window.GetProperty("score").GetDecimal()));
        Assert.Equal(84m, window.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("points").GetDecimal()));
        Assert.Equal((1, 1), (root.GetProperty("places").GetProperty("redFlagWindows").GetInt32(), root.GetProperty("places").GetProperty("serviceStars").GetInt32()));
        Assert.Equal("wang.fang", root.GetProperty("barredStaff")[0].GetProperty("key").GetString());
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliDispatcher.TryRunAsync(args, output, error, Configuration);
        return (exit ?? -1, output.ToString(), error.ToString());
    }
}
