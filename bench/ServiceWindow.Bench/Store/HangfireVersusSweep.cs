using System.Globalization;
using Dapper;
using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;

namespace ServiceWindow.Bench.Store;

/// Issue 11's figures: one Hangfire delayed job per case deadline (`BackgroundJob.Schedule` at the
/// deadline) against the timer table plus sweep, with Quartz as the older peer, side by side in one
/// run on one database. Hangfire runs with the host's settings (`SchedulerOptions` defaults).
public static class HangfireVersusSweep
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        var deadlines = StoreBenchmarks.Option(args, "deadlines", 100_000);
        var hangfireDeadlines = StoreBenchmarks.Option(args, "hangfire-deadlines", deadlines);
        var hangfireCap = TimeSpan.FromSeconds(StoreBenchmarks.Option(args, "hangfire-seconds", 60));
        var servers = StoreBenchmarks.Option(args, "hangfire-servers", 2);
        var workers = StoreBenchmarks.Option(args, "hangfire-workers", 4);
        var quartzDeadlines = StoreBenchmarks.Option(args, "quartz-deadlines", 0);
        var quartzCap = TimeSpan.FromSeconds(StoreBenchmarks.Option(args, "quartz-seconds", 30));
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        Console.WriteLine($"start {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {string.Join(" ", load)}, {Environment.ProcessorCount} cores");

        await using var dataSource = await BenchDatabase.CreateAsync();
        var sides = new List<SchedulerRun>();
        // Each side's figures as soon as it is done: on a loaded machine a run can take long.
        void Report(List<SchedulerRun> runs)
        {
            runs.ForEach(run => Console.WriteLine(run.Line()));
            sides.AddRange(runs);
        }
        Report(await StoreBenchmarks.SweepSideAsync(dataSource, deadlines));
        Report(await HangfireSideAsync(dataSource, hangfireDeadlines, hangfireCap, servers, workers));
        if (quartzDeadlines > 0)
        {
            Report(await StoreBenchmarks.QuartzSideAsync(dataSource, quartzDeadlines, quartzCap));
        }

        Console.WriteLine($"deadlines: sweep {deadlines:N0}, hangfire {hangfireDeadlines:N0} (one delayed job each, {servers} servers x {workers} workers), quartz {quartzDeadlines:N0}; same engine work per firing");
        var met = true;
        foreach (var catchUp in new[] { false, true })
        {
            var sweep = sides.Single(s => s.Name == "sweep" && s.CatchUp == catchUp);
            foreach (var peer in sides.Where(s => s.Name != "sweep" && s.CatchUp == catchUp))
            {
                var ratio = sweep.FirePerSecond / peer.FirePerSecond;
                var goal = peer.Name == "hangfire" ? 30 : catchUp ? 50 : 3;
                met &= ratio >= goal;
                Console.WriteLine($"  sweep / {peer.Name} {(catchUp ? "catch-up" : "on time")}: {ratio.ToString("F1", CultureInfo.InvariantCulture)}x (goal >= {goal}x: {(ratio >= goal ? "met" : "missed")})");
            }
        }
        load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        Console.WriteLine($"end {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {string.Join(" ", load)}");
        return met ? 0 : 1;
    }

    private static async Task<List<SchedulerRun>> HangfireSideAsync(NpgsqlDataSource dataSource, int count, TimeSpan cap, int servers, int workers)
    {
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        var runs = new List<SchedulerRun>();
        foreach (var catchUp in new[] { false, true })
        {
            await BenchDatabase.ResetAsync(dataSource);
            await using (var connection = await dataSource.OpenConnectionAsync())
            {
                await connection.ExecuteAsync("drop schema if exists hangfire cascade");
            }
            var template = await StoreBenchmarks.OpenTemplateAsync(dataSource);
            var cases = await StoreBenchmarks.CloneAsync(dataSource, template, count);
            var storage = GlobalConfiguration.Configuration.UsePostgreSqlStorage(
                o => o.UseConnectionFactory(new BenchConnectionFactory(dataSource)),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = PollInterval,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(2),
                }).Entry;
            var fired = 0;
            var fire = StoreBenchmarks.FireOneAsync(dataSource);
            HangfireDeadlineJob.Fire = async id =>
            {
                await fire(id);
                Interlocked.Increment(ref fired);
            };

            // Scheduled with no server running, as `BackgroundJob.Schedule` at intake would, each in
            // its own storage transaction; the due instant is then moved for all at once, so on time
            // they come due with the servers idle and on catch-up they are an hour overdue at start.
            var client = new BackgroundJobClient(storage);
            var scheduledFor = DateTimeOffset.UtcNow.AddDays(30);
            var schedule = await Measurement.OfAsync(() =>
            {
                foreach (var id in cases)
                {
                    client.Schedule(() => HangfireDeadlineJob.FireAsync(id), scheduledFor);
                }
                return Task.CompletedTask;
            });
            var dueAt = catchUp ? DateTimeOffset.UtcNow.AddHours(-1) : DateTimeOffset.UtcNow.AddSeconds(5);
            await using (var connection = await dataSource.OpenConnectionAsync())
            {
                var moved = await connection.ExecuteAsync("update hangfire.set set score = @score where key = 'schedule'",
                    new { score = (double)dueAt.ToUnixTimeSeconds() });
                if (moved != count)
                {
                    throw new InvalidOperationException($"{moved} of {count} jobs scheduled");
                }
            }
            var running = Enumerable.Range(0, servers).Select(i => new BackgroundJobServer(new BackgroundJobServerOptions
            {
                ServerName = $"bench-{i}",
                WorkerCount = workers,
                SchedulePollingInterval = PollInterval,
                ShutdownTimeout = TimeSpan.FromSeconds(4),
                StopTimeout = TimeSpan.FromSeconds(4),
            }, storage)).ToList();
            var (done, elapsed) = await StoreBenchmarks.WaitForFiringsAsync(() => Volatile.Read(ref fired), count, dueAt, cap);
            running.ForEach(server => server.SendStop());
            running.ForEach(server => server.Dispose());
            runs.Add(new SchedulerRun("hangfire", catchUp, count, schedule.PerSecond(count), done, elapsed, cap));
        }
        return runs;
    }
}
