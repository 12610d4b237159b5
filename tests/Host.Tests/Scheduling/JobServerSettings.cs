using Dapper;
using Npgsql;

namespace ServiceWindow.Host.Tests.Scheduling;

/// A Hangfire server tuned for tests: jobs every second, short polling, quick retries.
public static class JobServerSettings
{
    public static Dictionary<string, string> Fast(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string>
        {
            ["ServiceWindow:Scheduler:Enabled"] = "true",
            ["ServiceWindow:Scheduler:SweepInterval"] = "00:00:01",
            ["ServiceWindow:Scheduler:OutboxInterval"] = "00:00:01",
            ["ServiceWindow:Scheduler:SchedulePollingInterval"] = "00:00:00.200",
            ["ServiceWindow:Scheduler:QueuePollInterval"] = "00:00:00.200",
            ["ServiceWindow:Scheduler:RetryDelaysSeconds:0"] = "1",
        };
        foreach (var (key, value) in overrides)
        {
            settings[$"ServiceWindow:Scheduler:{key}"] = value;
        }
        return settings;
    }

    /// Hangfire's schema outlives the fixture's reset (which empties `public` only): drop it, and
    /// the next server creates it afresh, without the previous test's jobs and servers.
    public static async Task DropHangfireSchemaAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("drop schema if exists hangfire cascade");
    }
}
