using System.Net;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Host.Calendars;
using ServiceWindow.Host.Cli;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Host.Tests.Api;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Calendars;

/// `calendars import` run beside a serving host on the same database: the host takes the new year
/// up through the recomputation the command queued, without a restart.
[Collection(HostDatabase.Name)]
public sealed class DeploymentCalendarTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture), IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "CalendarSamples");
    private readonly ScratchWorkflows workflows = new();

    public void Dispose() => workflows.Dispose();

    [Fact]
    public async Task RunAsync_PutsTheImportedYearInForce_WhenTheCommandLineQueuedIt()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        session.Clock.Set(new DateTimeOffset(2026, 12, 28, 10, 0, 0, TimeSpan.FromHours(8)));
        var clerk = await session.SignedInAsync("zhang.wei");
        var before = await (await clerk.OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);
        before = await (await clerk.ActAsync(before.Id(), "accept", before.Version(), new { handler = "zhang.wei" })).ReadAsync(HttpStatusCode.OK);
        var queued = await QueuedRecomputationsAsync();

        var (exit, output, error) = await ImportAsync(fixture.ConnectionString);

        Assert.True(exit == 0, error);
        Assert.Contains("cn-mainland: published as version 2", output, StringComparison.Ordinal);
        Assert.Equal(queued + 1, await QueuedRecomputationsAsync());
        var calendar = session.Factory.Services.GetRequiredService<DeploymentCalendar>();
        Assert.Equal(2026, calendar.Current.LastCoveredYear);

        await ActivatorUtilities.CreateInstance<DeadlineRecomputeJob>(session.Factory.Services).RunAsync(CancellationToken.None);

        Assert.Equal(2027, calendar.Current.LastCoveredYear);
        // As in CalendarsApiTests: 8 February on weekends alone, 16 February with the made-up 2027 holidays.
        Assert.Equal("2027-02-08T17:30:00+08:00", before.Text("promisedDue"));
        var moved = await (await clerk.GetAsync($"/api/v1/cases/{before.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("2027-02-16T17:30:00+08:00", moved.Text("promisedDue"));
    }

    [Fact]
    public async Task RefreshAsync_KeepsTheCalendar_WhenNoOtherVersionWasPublished()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var calendar = session.Factory.Services.GetRequiredService<DeploymentCalendar>();

        Assert.False(await calendar.RefreshAsync(CancellationToken.None));
        Assert.Equal(2026, calendar.Current.LastCoveredYear);
    }

    [Fact]
    public async Task Import_SaysTheServiceWasNotTold_WhenTheDatabaseIsUnreachable()
    {
        var (exit, output, error) = await ImportAsync("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");

        Assert.True(exit == 0, error);
        Assert.Contains("cn-mainland: 2027: added", output, StringComparison.Ordinal);
        Assert.Contains("when it next starts", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> ImportAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("ServiceWindow:WorkflowsPath", workflows.Path),
            new("ConnectionStrings:ServiceWindow", connectionString),
        ]).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliDispatcher.TryRunAsync(["calendars", "import", "--calendar", "cn-mainland", Path.Combine(Samples, "holiday-cn-2027-made-up.json")],
            output, error, configuration);
        return (exit ?? -1, output.ToString(), error.ToString());
    }

    private async Task<int> QueuedRecomputationsAsync()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("select to_regclass('hangfire.job') is not null")
            ? await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.job where invocationdata::text like '%DeadlineRecomputeJob%'")
            : 0;
    }
}
