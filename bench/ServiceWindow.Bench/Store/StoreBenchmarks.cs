using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Dapper;
using Npgsql;
using Quartz;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Timers;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Bench.Store;

/// The case store's figures: intake against a plain insert loop, the timer sweep at scale, and
/// per-case Quartz triggers against the timer table plus sweep. Sizes are options so the whole
/// set runs in minutes on a small machine; every figure is measured, none extrapolated without saying so.
public static class StoreBenchmarks
{
    internal const string YellowKey = "escalation:1:1:1";
    private static readonly WorkflowEngine Engine = new();
    private static readonly BenchCatalog Catalog = new();

    public static async Task AllAsync(string[] args)
    {
        await IntakeAsync(args);
        await SweepAsync(args);
        await QuartzVersusSweepAsync(args);
    }

    public static async Task IntakeAsync(string[] args)
    {
        var count = Option(args, "intakes", 5_000);
        await using var dataSource = await BenchDatabase.CreateAsync();
        var store = new CaseStore(dataSource);
        var commands = new CaseCommands(store, Catalog, Engine, TimeProvider.System);
        var clerk = Actor.Staff("clerk-1", "clerk");
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("create table bench_plain (id uuid primary key, payload jsonb not null, created_at timestamptz not null)");
        }

        async Task Plain(int n)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var insert = new NpgsqlCommand("insert into bench_plain (id, payload, created_at) values ($1, $2::jsonb, $3)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.Empty });
            insert.Parameters.Add(new NpgsqlParameter { Value = """{"stage": "review"}""" });
            insert.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow });
            for (var i = 0; i < n; i++)
            {
                insert.Parameters[0].Value = Guid.NewGuid();
                insert.Parameters[2].Value = DateTime.UtcNow;
                await insert.ExecuteNonQueryAsync();
            }
        }
        async Task Intake(int n, bool withKey)
        {
            for (var i = 0; i < n; i++)
            {
                var id = Guid.NewGuid();
                await commands.OpenAsync(BenchCatalog.DefinitionId, id, CaseCommand.Of("accept", clerk, 0), withKey ? $"intake-{id}" : null);
            }
        }

        // The store's own part of an intake: mapping the engine's result to rows and writing them,
        // with the engine run for the whole round before the clock starts.
        List<TransitionResult> Opened(int n) => Enumerable.Range(0, n)
            .Select(_ => Engine.Open(Catalog.Latest(BenchCatalog.DefinitionId), Catalog.Calendar, Guid.NewGuid(), CaseCommand.Of("accept", clerk, 0), DateTimeOffset.UtcNow))
            .ToList();
        async Task Store(List<TransitionResult> opened)
        {
            foreach (var result in opened)
            {
                await store.CommitAsync(TransitionMapping.ToChange(result, null, DateTimeOffset.UtcNow));
            }
        }

        // Warm-up: pool, plan caches and the JIT. Tiered compilation recompiles hot methods on a
        // background thread for seconds after they first run; timed meanwhile, the compiler would
        // compete with the loops and the server for the cores. So the warm-up goes on until a whole
        // pass compiles next to nothing.
        var warmUps = 0;
        long compiled;
        do
        {
            compiled = JitInfo.GetCompiledMethodCount();
            await Plain(1_000);
            await Intake(1_000, false);
            await Intake(500, true);
            await Store(Opened(500));
            warmUps++;
        }
        while (JitInfo.GetCompiledMethodCount() - compiled > 20 && warmUps < 10);
        var engineOnly = await Measurement.OfAsync(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var result = Engine.Open(Catalog.Latest(BenchCatalog.DefinitionId), Catalog.Calendar, Guid.NewGuid(), CaseCommand.Of("accept", clerk, 0), DateTimeOffset.UtcNow);
                TransitionMapping.ToChange(result, null, DateTimeOffset.UtcNow);
            }
            return Task.CompletedTask;
        });
        // Plain, intake and keyed intake take turns in rounds, so a change in the machine's load (it
        // is shared) or in commit latency hits all three alike; the ratio is the median of the rounds'.
        var rounds = Option(args, "rounds", 20);
        var perRound = Math.Max(1, count / rounds);
        var plain = new List<Measurement>();
        var intake = new List<Measurement>();
        var keyed = new List<Measurement>();
        var stored = new List<Measurement>();
        var jitBefore = (Methods: JitInfo.GetCompiledMethodCount(), Time: JitInfo.GetCompilationTime());
        for (var round = 0; round < rounds; round++)
        {
            plain.Add(await Measurement.OfAsync(() => Plain(perRound)));
            intake.Add(await Measurement.OfAsync(() => Intake(perRound, false)));
            keyed.Add(await Measurement.OfAsync(() => Intake(perRound, true)));
            var opened = Opened(perRound);
            stored.Add(await Measurement.OfAsync(() => Store(opened)));
        }
        double Rate(List<Measurement> m) => perRound * m.Count / m.Sum(x => x.Elapsed.TotalSeconds);
        List<double> Ratios(List<Measurement> m) => m.Select((x, i) => plain[i].Elapsed / x.Elapsed).ToList();
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        string Rounds(List<double> ratios) => string.Join(" ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)));
        var total = perRound * rounds;
        var jit = (Methods: JitInfo.GetCompiledMethodCount() - jitBefore.Methods, Time: JitInfo.GetCompilationTime() - jitBefore.Time);

        Console.WriteLine($"intake ({total} each in {rounds} alternating rounds, sequential, one connection at a time; after {warmUps} warm-up passes, the JIT compiled {jit.Methods} methods in {jit.Time.TotalMilliseconds:F0} ms during the rounds):");
        Console.WriteLine($"  engine and mapping alone, no database: {engineOnly.PerSecond(count),8:F0}/s");
        Console.WriteLine($"  plain single-row insert: {Rate(plain),8:F0}/s");
        Console.WriteLine($"  intake (engine + case + history + 3 timers + outbox, one statement): {Rate(intake),8:F0}/s  ratio {Median(Ratios(intake)):F2} (rounds {Rounds(Ratios(intake))})  {intake.Sum(m => m.AllocatedBytes) / total / 1024.0:F1} KiB/intake");
        Console.WriteLine($"  intake with idempotency key: {Rate(keyed),8:F0}/s  ratio {Median(Ratios(keyed)):F2} (rounds {Rounds(Ratios(keyed))})");
        Console.WriteLine($"  the store's part (mapping + case + history + 3 timers + outbox, engine run before): {Rate(stored),8:F0}/s  ratio {Median(Ratios(stored)):F2} (rounds {Rounds(Ratios(stored))})");
    }

    public static async Task SweepAsync(string[] args)
    {
        var due = Option(args, "due", 10_000);
        var pending = Option(args, "pending", 1_000_000);
        await using var dataSource = await BenchDatabase.CreateAsync();
        var template = await OpenTemplateAsync(dataSource);
        var watch = Stopwatch.StartNew();
        const int warmUp = 500;
        const int timersPerIdleCase = 10;
        var dueCases = await CloneAsync(dataSource, template, due + warmUp);
        var idleCases = await CloneAsync(dataSource, template, pending / timersPerIdleCase);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("delete from timers");
            await connection.ExecuteAsync(
                "insert into timers (case_id, key, name, due_at) select id, @key, 'escalation.1', now() - interval '1 hour' from unnest(@ids) id",
                new { key = YellowKey, ids = dueCases }, commandTimeout: 600);
            await connection.ExecuteAsync(
                """
                insert into timers (case_id, key, name, due_at)
                select id, 'future:' || n, 'future', now() + (random() * interval '60 days') + interval '1 day'
                from unnest(@ids) id, generate_series(1, @perCase) n
                """, new { ids = idleCases, perCase = timersPerIdleCase }, commandTimeout: 600);
            await connection.ExecuteAsync("vacuum analyze", commandTimeout: 600);
        }
        var seeded = watch.Elapsed;
        var firing = new EngineTimerFiring(Catalog, Engine);
        var sweeper = new TimerSweeper(dataSource, firing, TimeProvider.System);

        await sweeper.SweepBatchAsync(); // warm-up: one batch of 500
        var result = new SweepResult();
        var sweep = await Measurement.OfAsync(async () => result = await sweeper.SweepAsync());
        var pendingNow = await CountAsync(dataSource, "select count(*) from timers");
        var idleLarge = await EmptySweepsAsync(sweeper);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("delete from timers where ctid in (select ctid from timers offset 1000)", commandTimeout: 600);
            await connection.ExecuteAsync("vacuum analyze timers", commandTimeout: 600);
        }
        var idleSmall = await EmptySweepsAsync(sweeper);

        Console.WriteLine($"sweep (seeded {due + warmUp + pending:N0} timers on {dueCases.Length + idleCases.Length:N0} cases in {seeded.TotalSeconds:F0} s):");
        Console.WriteLine($"  {result.Fired:N0} due among {pendingNow + result.Fired:N0} pending fired through the engine in {sweep.Elapsed.TotalSeconds:F2} s ({sweep.PerSecond(result.Fired):F0}/s, {sweep.AllocatedBytes / Math.Max(1, result.Fired) / 1024.0:F1} KiB/timer)");
        Console.WriteLine($"  sweep with 0 due: {idleLarge.TotalMilliseconds:F2} ms with {pendingNow:N0} pending, {idleSmall.TotalMilliseconds:F2} ms with 1,000 pending");
    }

    public static async Task QuartzVersusSweepAsync(string[] args)
    {
        var deadlines = Option(args, "deadlines", 100_000);
        var quartzDeadlines = Option(args, "quartz-deadlines", deadlines);
        var cap = TimeSpan.FromSeconds(Option(args, "quartz-seconds", 60));
        await using var dataSource = await BenchDatabase.CreateAsync();
        var sides = new List<SchedulerRun>();
        sides.AddRange(await SweepSideAsync(dataSource, deadlines));
        sides.AddRange(await QuartzSideAsync(dataSource, quartzDeadlines, cap));
        Console.WriteLine($"deadlines: sweep {deadlines:N0}, quartz {quartzDeadlines:N0} (one trigger each); same engine work per firing");
        sides.ForEach(side => Console.WriteLine(side.Line()));
    }

    /// Our side: schedule = timer rows written in batches; fire = sweeps, on time and on catch-up.
    internal static async Task<List<SchedulerRun>> SweepSideAsync(NpgsqlDataSource dataSource, int deadlines)
    {
        var firing = new EngineTimerFiring(Catalog, Engine);
        var runs = new List<SchedulerRun>();
        foreach (var catchUp in new[] { false, true })
        {
            await BenchDatabase.ResetAsync(dataSource);
            var template = await OpenTemplateAsync(dataSource);
            var cases = await CloneAsync(dataSource, template, deadlines);
            var dueAt = catchUp ? DateTimeOffset.UtcNow.AddHours(-1) : DateTimeOffset.UtcNow.AddSeconds(5);
            var schedule = await Measurement.OfAsync(async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await connection.ExecuteAsync("delete from timers");
                foreach (var chunk in cases.Chunk(1_000))
                {
                    await connection.ExecuteAsync(
                        "insert into timers (case_id, key, name, due_at) select id, @key, 'escalation.1', @dueAt from unnest(@ids) id",
                        new { key = YellowKey, ids = chunk, dueAt = dueAt.UtcDateTime });
                }
            });
            var sweeper = new TimerSweeper(dataSource, firing, TimeProvider.System);
            var wait = dueAt - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var fired = 0;
            var fire = await Measurement.OfAsync(async () =>
            {
                // As the sweep job would: sweep until nothing is left, pausing briefly when a sweep finds nothing.
                while (fired < deadlines)
                {
                    var result = await sweeper.SweepAsync();
                    fired += result.Fired;
                    if (result.Claimed == 0)
                    {
                        await Task.Delay(100);
                    }
                }
            });
            runs.Add(new SchedulerRun("sweep", catchUp, deadlines, schedule.PerSecond(deadlines), fired, fire.Elapsed, null));
        }
        return runs;
    }

    /// One trigger per deadline on the clustered PostgreSQL store, same engine work per firing.
    internal static async Task<List<SchedulerRun>> QuartzSideAsync(NpgsqlDataSource dataSource, int quartzDeadlines, TimeSpan cap)
    {
        var runs = new List<SchedulerRun>();
        foreach (var catchUp in new[] { false, true })
        {
            await BenchDatabase.ResetAsync(dataSource);
            var template = await OpenTemplateAsync(dataSource);
            var cases = await CloneAsync(dataSource, template, quartzDeadlines);
            var fired = 0;
            var fire = FireOneAsync(dataSource);
            DeadlineJob.Fire = async id =>
            {
                await fire(id);
                Interlocked.Increment(ref fired);
            };
            var scheduler = await BuildQuartzAsync(BenchDatabase.ConnectionString());
            var job = JobBuilder.Create<DeadlineJob>().WithIdentity("deadline", "bench").StoreDurably().Build();
            await scheduler.AddJob(job, new AddJobOptions { Replace = true });
            // Scheduled for later with the scheduler on standby; the due instant is then set for all at once.
            var schedule = await Measurement.OfAsync(async () =>
            {
                foreach (var chunk in cases.Chunk(1_000))
                {
                    var triggers = chunk.Select(id => (ITrigger)TriggerBuilder.Create()
                        .WithIdentity(id.ToString(), "deadlines")
                        .ForJob(job.Key)
                        .UsingJobData("case", id.ToString())
                        .StartAt(DateTimeOffset.UtcNow.AddDays(30))
                        .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                        .Build()).ToList();
                    await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = triggers },
                        new ScheduleJobOptions { Replace = true });
                }
            });
            var dueAt = catchUp ? DateTimeOffset.UtcNow.AddHours(-1) : DateTimeOffset.UtcNow.AddSeconds(5);
            await using (var connection = await dataSource.OpenConnectionAsync())
            {
                await connection.ExecuteAsync(
                    "update qrtz_triggers set next_fire_time = @ticks, start_time = @ticks where trigger_group = 'deadlines'",
                    new { ticks = dueAt.UtcTicks });
            }
            await scheduler.Start();
            var (count, elapsed) = await WaitForFiringsAsync(() => Volatile.Read(ref fired), quartzDeadlines, dueAt, cap);
            await scheduler.Shutdown(false);
            runs.Add(new SchedulerRun("quartz", catchUp, quartzDeadlines, schedule.PerSecond(quartzDeadlines), count, elapsed, cap));
        }
        return runs;
    }

    /// What one per-case job does for its deadline: load the case, fire the timer through the same
    /// `ITimerFiring` the sweep uses, commit through the store's write path, in its own transaction.
    internal static Func<Guid, Task> FireOneAsync(NpgsqlDataSource dataSource)
    {
        var firing = new EngineTimerFiring(Catalog, Engine);
        var store = new CaseStore(dataSource);
        return async id =>
        {
            var stored = await store.LoadAsync(id);
            var now = DateTimeOffset.UtcNow;
            if (firing.Fire(stored, new DueTimer(id, YellowKey, "escalation.1", now, 0), now) is { } change)
            {
                await store.CommitAsync(change);
            }
        };
    }

    /// Waits until the deadlines are due, then measures from then until all fired or the cap ran out.
    internal static async Task<(int Fired, TimeSpan Elapsed)> WaitForFiringsAsync(Func<int> fired, int expected, DateTimeOffset dueAt, TimeSpan cap)
    {
        var wait = dueAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var started = Stopwatch.GetTimestamp();
        while (fired() < expected && Stopwatch.GetElapsedTime(started) < cap)
        {
            await Task.Delay(200);
        }
        return (fired(), Stopwatch.GetElapsedTime(started));
    }

    private static async Task<IScheduler> BuildQuartzAsync(string connectionString)
    {
        var builder = QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = "bench";
                s.GenerateInstanceId = true;
                s.MaxBatchSize = 4;
            });
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 4);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering();
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });
        return await builder.BuildScheduler();
    }

    /// One case opened through the engine; the benchmarks clone it, so every firing is real engine work.
    internal static async Task<Guid> OpenTemplateAsync(NpgsqlDataSource dataSource)
    {
        var id = Guid.NewGuid();
        await new CaseCommands(new CaseStore(dataSource), Catalog, Engine, TimeProvider.System)
            .OpenAsync(BenchCatalog.DefinitionId, id, CaseCommand.Of("accept", Actor.Staff("clerk-1", "clerk"), 0));
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("delete from timers where case_id = @id", new { id });
        return id;
    }

    internal static async Task<Guid[]> CloneAsync(NpgsqlDataSource dataSource, Guid template, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var chunk in ids.Chunk(50_000))
        {
            await connection.ExecuteAsync(
                """
                insert into cases (id, definition_id, definition_version, stage, version, history_length, first_inquiry_owner,
                                   handler_id, accepted_at, promised_deadline, statutory_deadline, warning_level, state, created_at, updated_at)
                select n.id, t.definition_id, t.definition_version, t.stage, t.version, t.history_length, t.first_inquiry_owner,
                       t.handler_id, t.accepted_at, t.promised_deadline, t.statutory_deadline, t.warning_level,
                       jsonb_set(t.state::jsonb, '{Id}', to_jsonb(n.id::text))::json, t.created_at, t.updated_at
                from cases t, unnest(@ids) as n (id)
                where t.id = @template;
                -- The template has one entry; each clone's is hashed for its own id, as the writer would.
                insert into case_history (case_id, sequence, kind, actor_id, at, action, from_stage, to_stage, payload, prev_hash, hash)
                select n.id, h.sequence, h.kind, h.actor_id, h.at, h.action, h.from_stage, h.to_stage, h.payload, null,
                       case_history_hash(null, n.id, h.sequence, h.kind, h.actor_id, h.at, h.action, h.from_stage, h.to_stage, h.payload)
                from case_history h, unnest(@ids) as n (id)
                where h.case_id = @template;
                update cases c set history_head = h.hash
                from case_history h, unnest(@ids) as n (id)
                where c.id = n.id and h.case_id = n.id;
                """, new { ids = chunk, template }, commandTimeout: 600);
        }
        return ids;
    }

    private static async Task<TimeSpan> EmptySweepsAsync(TimerSweeper sweeper)
    {
        for (var i = 0; i < 20; i++)
        {
            await sweeper.SweepAsync();
        }
        const int runs = 200;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            await sweeper.SweepAsync();
        }
        return watch.Elapsed / runs;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, $"--{name}");
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
