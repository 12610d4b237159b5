using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Cli;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Cli;

[Collection(HostDatabase.Name)]
public sealed class StatsCommandsTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Verify_ExitsOne_WhenMonthIsNotClosed()
    {
        var (exit, output, _) = await RunAsync("stats", "verify", "--month", "2026-10");

        Assert.Equal(1, exit);
        Assert.Contains("2026-10: not closed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monthly_ExitsTwo_WhenMonthIsMalformed()
    {
        var (exit, _, error) = await RunAsync("stats", "monthly", "--month", "2026-13");

        Assert.Equal(2, exit);
        Assert.Contains("--month '2026-13' is not a month", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monthly_PrintsLiveZeroFiguresAsJson_WhenNothingHappened()
    {
        var (exit, output, _) = await RunAsync("stats", "monthly", "--month", "2026-10", "--by", "item", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(("2026-10", "item", false), (json.RootElement.GetProperty("month").GetString(), json.RootElement.GetProperty("by").GetString(),
            json.RootElement.GetProperty("closed").GetBoolean()));
        Assert.Equal(0, json.RootElement.GetProperty("total").GetProperty("accepted").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("total").GetProperty("onTimeRate").ValueKind);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:ServiceWindow", fixture.ConnectionString)])
            .Build();
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliDispatcher.TryRunAsync(args, output, error, configuration);
        return (exit ?? -1, output.ToString(), error.ToString());
    }
}
