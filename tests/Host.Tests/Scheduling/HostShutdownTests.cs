using System.Net;
using Npgsql;
using Xunit.Abstractions;

namespace ServiceWindow.Host.Tests.Scheduling;

[Collection(HostDatabase.Name)]
public sealed class HostShutdownTests(HostDatabaseFixture fixture, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    // A host cut off from the database leaves Hangfire's lock rows behind; each test starts afresh.
    public Task InitializeAsync() => JobServerSettings.DropHangfireSchemaAsync(fixture.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Serve_EndsWithin10Seconds_WhenTerminatedWithDatabaseUp()
    {
        await using var relay = Relay();
        using var host = StartHost(relay);
        Assert.True(await host.WaitUntilServingAsync(TimeSpan.FromSeconds(60)), host.Output);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var took = await host.TerminateAsync(TimeSpan.FromSeconds(30));
        log.WriteLine($"exited after {took?.TotalSeconds:0.0} s");

        Assert.True(took < Limit, $"took {took?.TotalSeconds.ToString("0.0") ?? "over 30"} s\n{host.Output}");
        Assert.Equal(0, host.ExitCode);
    }

    // The database stops under a running host (the relay closes every connection and refuses new
    // ones, as a stopped server does); the workers and the server's heartbeat are failing when the
    // service manager asks the host to go.
    [Fact]
    public Task Serve_EndsWithin10Seconds_WhenTerminatedWhileDatabaseIsDown() => EndsWithinLimitAfterAsync(relay => relay.Stop());

    // The database hangs instead (a frozen server, a dropped network): connections stay open and
    // nothing comes back, so queries and connection attempts wait for their timeouts.
    [Fact]
    public Task Serve_EndsWithin10Seconds_WhenTerminatedWhileDatabaseHangs() => EndsWithinLimitAfterAsync(relay => relay.Freeze());

    // A request held in flight by the hung database when the signal comes: Kestrel gives up on it
    // at the 6 s shutdown limit and resets its connection, unless its work is cancelled before.
    [Fact]
    public async Task Serve_Answers503ToARequestInFlight_WhenTerminatedWhileDatabaseHangs()
    {
        await using var relay = Relay();
        using var host = StartHost(relay);
        Assert.True(await host.WaitUntilServingAsync(TimeSpan.FromSeconds(60)), host.Output);
        await Task.Delay(TimeSpan.FromSeconds(2));
        relay.Freeze();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var lookup = http.GetAsync($"{host.Url}/api/v1/public/cases/20261201-ABCDEF?secret=hung");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(lookup.IsCompleted, "the lookup should be waiting for the database");

        var took = await host.TerminateAsync(TimeSpan.FromSeconds(90));
        var exception = await Record.ExceptionAsync(() => lookup);
        Assert.True(exception is null, $"the lookup got no answer: {exception?.Message}; exited after {took?.TotalSeconds:0.0} s\n{host.Output}");
        using var answer = await lookup;
        var body = await answer.Content.ReadAsStringAsync();
        log.WriteLine($"exited after {took?.TotalSeconds:0.0} s; the lookup answered {(int)answer.StatusCode}: {body}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":503", body, StringComparison.Ordinal);
        Assert.True(took < Limit, $"took {took?.TotalSeconds.ToString("0.0") ?? "over 90"} s\n{host.Output}");
    }

    // Start-up waits for the database (connection timeout 15 s by default) before the host runs.
    [Fact]
    public async Task Serve_EndsWithin10Seconds_WhenTerminatedWhileWaitingForAHungDatabaseAtStart()
    {
        await using var relay = Relay();
        relay.Freeze();
        using var host = StartHost(relay);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var took = await host.TerminateAsync(TimeSpan.FromSeconds(90));
        log.WriteLine($"exited after {took?.TotalSeconds:0.0} s\n{host.Output}");

        Assert.True(took < Limit, $"took {took?.TotalSeconds.ToString("0.0") ?? "over 90"} s\n{host.Output}");
    }

    // The database fails under a serving host, then the service manager asks the host to go.
    private async Task EndsWithinLimitAfterAsync(Action<DatabaseRelay> fail)
    {
        await using var relay = Relay();
        using var host = StartHost(relay);
        Assert.True(await host.WaitUntilServingAsync(TimeSpan.FromSeconds(60)), host.Output);
        await Task.Delay(TimeSpan.FromSeconds(2));
        fail(relay);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var took = await host.TerminateAsync(TimeSpan.FromSeconds(90));
        log.WriteLine($"exited after {took?.TotalSeconds:0.0} s\n{host.Output}");

        Assert.True(took < Limit, $"took {took?.TotalSeconds.ToString("0.0") ?? "over 90"} s\n{host.Output}");
    }

    private DatabaseRelay Relay()
    {
        var target = new NpgsqlConnectionStringBuilder(fixture.ConnectionString);
        return new DatabaseRelay(target.Host!, target.Port);
    }

    private ServingHost StartHost(DatabaseRelay relay)
    {
        var connection = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Host = "127.0.0.1", Port = relay.Port };
        return ServingHost.Start(new Dictionary<string, string>
        {
            ["SERVICEWINDOW_DB"] = connection.ConnectionString,
            ["ServiceWindow__Scheduler__SweepInterval"] = "00:00:01",
            ["ServiceWindow__Scheduler__OutboxInterval"] = "00:00:01",
            ["ServiceWindow__Scheduler__SchedulePollingInterval"] = "00:00:00.500",
            ["ServiceWindow__Scheduler__QueuePollInterval"] = "00:00:00.500",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Hangfire"] = "Information",
        });
    }
}
