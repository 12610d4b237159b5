using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using ServiceWindow.Bench.Store;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Bench.Statistics;

/// The figures of issue 14 on the history `stats-scale-generate` made: the statistics job's run
/// (projector and live figures), November's report by window read live (before its close: the
/// stored live rows, and computed from the facts per request for scale), the close itself, the same
/// report closed (frozen rows), December's live report likewise, and November recomputed from its history
/// (`StatisticsVerification`, what `stats verify` runs), which must find no difference; then the
/// intake with the projector running beside it against the intake without. Exit 1 when the
/// recomputation differs or a goal is missed.
internal static class ScaleFigures
{
    private static readonly BenchCatalog Catalog = new();

    public static async Task<int> RunAsync(string[] args)
    {
        var repeats = (int)ScaleHistory.StoreOption(args, "repeats", 7);
        await using var dataSource = await ScaleDatabase.OpenAsync();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            var cases = await connection.ExecuteScalarAsync<long>("select count(*) from cases");
            var entries = await connection.ExecuteScalarAsync<long>("select count(*) from case_history");
            var facts = await connection.ExecuteScalarAsync<long>("select count(*) from case_facts");
            var size = await connection.ExecuteScalarAsync<long>("select pg_database_size(current_database())");
            var copied = await connection.ExecuteScalarAsync<long>("select coalesce(sum(cases), 0) from bench_scale_months");
            Console.WriteLine($"stats-scale measure: {cases:N0} cases ({copied:N0} of them copies), {entries:N0} history entries, {facts:N0} facts rows, "
                + $"database {size / 1e9:F1} GB; {Machine.Describe()}; load {ScaleHistory.Load()}");
        }
        var failed = false;
        var statistics = new MonthlyStatistics(dataSource, Catalog, TimeProvider.System);
        // A report that never finds stored figures young enough: what each request cost before they were stored.
        var perRequest = new MonthlyStatistics(dataSource, Catalog, TimeProvider.System, new StatisticsOptions { LiveMaxAge = TimeSpan.Zero });
        var liveFigures = new LiveFigures(dataSource, Catalog, TimeProvider.System, new StatisticsOptions { LiveMaxAge = TimeSpan.FromHours(1) });
        var closed = ScaleHistory.ClosedMonth;

        // The projector first, as the host's job would have run: the report reads facts, never history.
        var watch = Stopwatch.StartNew();
        var projected = await new StatisticsProjector(dataSource, Catalog, TimeProvider.System).RunAsync();
        Console.WriteLine($"projector catch-up: {projected:N0} cases in {watch.Elapsed.TotalMilliseconds:F0} ms");
        // Then the rest of the job's run, timed on its own: every dimension of each month not closed yet.
        for (var run = 1; run <= 3; run++)
        {
            watch.Restart();
            var refreshed = await liveFigures.RefreshAsync();
            Console.WriteLine($"live figures stored (the statistics job's second half), run {run}: {string.Join(", ", refreshed.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)))} "
                + $"in {watch.Elapsed.TotalMilliseconds:F0} ms; load {ScaleHistory.Load()}");
        }
        statistics = new MonthlyStatistics(dataSource, Catalog, TimeProvider.System, new StatisticsOptions { LiveMaxAge = TimeSpan.FromHours(1) });

        Timed? live = null;
        if (!await IsClosedAsync(dataSource, closed))
        {
            live = await TimedAsync($"{closed:yyyy-MM} by window, live (before its close), stored rows", repeats, () => statistics.GetAsync(closed, StatisticsDimension.Window), 1000);
            var computed = await TimedAsync($"{closed:yyyy-MM} by window, live, computed per request (for scale)", repeats,
                () => perRequest.GetAsync(closed, StatisticsDimension.Window), 0);
            Console.WriteLine($"  stored and computed: {Differences(live.Report, computed.Report)} counts differ");
            watch.Restart();
            await new MonthlyClose(dataSource, Catalog, TimeProvider.System).CloseAsync(closed);
            Console.WriteLine($"close of {closed:yyyy-MM} (catch-up, counts, frozen rows): {watch.Elapsed.TotalSeconds:F1} s; load {ScaleHistory.Load()}");
        }
        var frozen = await TimedAsync($"{closed:yyyy-MM} by window, closed", repeats, () => statistics.GetAsync(closed, StatisticsDimension.Window), 200);
        failed |= frozen.Elapsed.TotalMilliseconds >= 200;
        var current = await TimedAsync($"{ScaleHistory.LiveMonth:yyyy-MM} by window, live, stored rows", repeats,
            () => statistics.GetAsync(ScaleHistory.LiveMonth, StatisticsDimension.Window), 1000);
        failed |= current.Elapsed.TotalMilliseconds >= 1000;
        await TimedAsync($"{ScaleHistory.LiveMonth:yyyy-MM} by window, live, computed per request (for scale)", repeats,
            () => perRequest.GetAsync(ScaleHistory.LiveMonth, StatisticsDimension.Window), 0);
        if (live is { } before)
        {
            failed |= before.Elapsed.TotalMilliseconds >= 1000;
            var differing = Differences(before.Report, frozen.Report);
            Console.WriteLine($"  live before the close and closed: {differing} counts differ over {frozen.Report.Rows.Count} windows and the total");
        }
        Console.WriteLine($"  closed total: accepted {frozen.Report.Total.Figures.Accepted:N0}, completed {frozen.Report.Total.Figures.Completed:N0}, "
            + $"on time {frozen.Report.Total.Figures.CompletedOnTime:N0}, overdue {frozen.Report.Total.Figures.Overdue:N0}");

        watch.Restart();
        var verification = await new StatisticsVerification(dataSource, Catalog).VerifyAsync(closed);
        Console.WriteLine($"recomputation of {closed:yyyy-MM} from history (stats verify): {verification.CasesRecomputed:N0} cases in {watch.Elapsed.TotalSeconds:F2} s, "
            + $"{verification.Differences.Count} differences in every dimension; load {ScaleHistory.Load()}");
        foreach (var d in verification.Differences.Take(10))
        {
            Console.WriteLine($"  {d.Dimension} {d.Key} {d.Count}: frozen {d.Frozen}, recomputed {d.Recomputed}");
        }
        failed |= !verification.Intact;

        failed |= !await IntakeRatioAsync(dataSource, RatioOptions(args));
        Console.WriteLine(failed ? "a goal was missed or the figures differ" : "every goal met, figures identical");
        return failed ? 1 : 0;
    }

    private sealed record Timed(MonthlyReport Report, TimeSpan Elapsed);

    /// One warm-up read, then the median of `repeats` reads.
    private static async Task<Timed> TimedAsync(string what, int repeats, Func<Task<MonthlyReport>> read, int goalMs)
    {
        var report = await read();
        var times = new List<TimeSpan>();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            report = await read();
            times.Add(watch.Elapsed);
        }
        var sorted = times.Order().ToList();
        var median = sorted[sorted.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report {what}: median {median.TotalMilliseconds:F1} ms (min {sorted[0].TotalMilliseconds:F1}, max {sorted[^1].TotalMilliseconds:F1}, {repeats} reads{(goalMs > 0 ? $"; goal < {goalMs} ms" : "")}), "
            + $"{report.Rows.Count} rows, {report.Total.Figures.Accepted:N0} accepted, as of {report.AsOf:HH:mm:ss}; load {ScaleHistory.Load()}"));
        return new Timed(report, median);
    }

    private static int Differences(MonthlyReport a, MonthlyReport b)
    {
        var rows = b.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var differing = 0;
        foreach (var row in a.Rows.Append(a.Total))
        {
            var other = ReferenceEquals(row, a.Total) ? b.Total : rows.GetValueOrDefault(row.Key);
            for (var i = 0; i < MonthlyFigures.CountNames.Count; i++)
            {
                if (other is null || row.Figures.Counts[i] != other.Figures.Counts[i])
                {
                    differing++;
                }
            }
        }
        return differing + b.Rows.Count(r => a.Rows.All(x => x.Key != r.Key)) * MonthlyFigures.CountNames.Count;
    }

    private static async Task<bool> IsClosedAsync(NpgsqlDataSource dataSource, DateOnly month)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("select exists (select 1 from month_closes where month = @month)",
            new { month = month.ToDateTime(TimeOnly.MinValue) });
    }

    /// Intakes on one connection in alternating rounds, with and without the statistics job beside
    /// them. Each round with the job pays for its own cases: the job runs every `projectEvery` (the
    /// projector, then the live figures stored; the host runs it every 30 s), and when the round's
    /// intakes stop, the projector catches up on the rest inside the round's time. After a round
    /// without the job its cases are projected untimed, so no round inherits another's. The ratio
    /// is the median of the rounds'. The intakes are removed after each round, so every round starts
    /// from the month as generated: left open they would swell every later refresh of the live
    /// figures (which reads every open case) far beyond what the month holds, and the database
    /// would not be the one measured.
    public static async Task<int> IntakeRatioAsync(string[] args)
    {
        await using var dataSource = await ScaleDatabase.OpenAsync();
        return await IntakeRatioAsync(dataSource, RatioOptions(args)) ? 0 : 1;
    }

    private sealed record RatioRun(int Rounds, TimeSpan Length, TimeSpan ProjectEvery);

    private static RatioRun RatioOptions(string[] args) => new(
        (int)ScaleHistory.StoreOption(args, "rounds", 6),
        TimeSpan.FromSeconds(ScaleHistory.StoreOption(args, "round-seconds", 30)),
        TimeSpan.FromSeconds(ScaleHistory.StoreOption(args, "project-every", 30)));

    private static async Task<bool> IntakeRatioAsync(NpgsqlDataSource dataSource, RatioRun run)
    {
        var (rounds, length, projectEvery) = run;
        // CPU time of this process and of the cluster: a rate on one connection moves with the
        // disk's flush time, CPU per intake does not. Without the postmaster's pid, the client's alone.
        var postmaster = int.TryParse(Environment.GetEnvironmentVariable("SERVICEWINDOW_BENCH_POSTMASTER_PID"), out var pid) ? pid : 0;
        TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime + IntakeConcurrency.ServerCpu(postmaster);
        var commands = new CaseCommands(new CaseStore(dataSource), Catalog, new WorkflowEngine(), TimeProvider.System);
        var projector = new StatisticsProjector(dataSource, Catalog, TimeProvider.System);
        var live = new LiveFigures(dataSource, Catalog, TimeProvider.System);
        var clerk = Actor.Staff("clerk-w01", "clerk");
        var inputs = new Dictionary<string, string> { [CaseFactsReader.WindowInput] = ScaleHistory.WindowId(0) };
        var opened = new List<Guid>();
        async Task<int> Intakes()
        {
            var watch = Stopwatch.StartNew();
            var n = 0;
            while (watch.Elapsed < length)
            {
                var id = Guid.NewGuid();
                await commands.OpenAsync(BenchCatalog.DefinitionId, id, new CaseCommand("accept", clerk, 0, inputs));
                opened.Add(id);
                n++;
            }
            return n;
        }
        await Intakes(); // warm-up
        await projector.RunAsync();
        await RemoveAsync(dataSource, opened);
        var without = new List<double>();
        var with = new List<double>();
        var cpuWithout = new List<double>();
        var cpuWith = new List<double>();
        var aloneCases = 0L;
        var (aloneElapsed, aloneClient, aloneServer) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        var jobRuns = 0;
        var projectedCases = 0L;
        var catchUp = TimeSpan.Zero;
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var cpu = Cpu();
            var plain = await Intakes();
            without.Add(plain / watch.Elapsed.TotalSeconds);
            cpuWithout.Add((Cpu() - cpu).TotalMicroseconds / plain);
            // The same projection alone, untimed for the ratio: what a case costs each side.
            var client = Process.GetCurrentProcess().TotalProcessorTime;
            var server = IntakeConcurrency.ServerCpu(postmaster);
            var alone = Stopwatch.StartNew();
            aloneCases += await projector.RunAsync();
            aloneElapsed += alone.Elapsed;
            aloneClient += Process.GetCurrentProcess().TotalProcessorTime - client;
            aloneServer += IntakeConcurrency.ServerCpu(postmaster) - server;
            // Each round starts from the month as generated: left in place, this round's intakes
            // would be open cases the next round's refresh of the live figures reads for nothing.
            await RemoveAsync(dataSource, opened);

            using var stop = new CancellationTokenSource();
            watch.Restart();
            cpu = Cpu();
            var beside = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    projectedCases += await projector.RunAsync();
                    await live.RefreshAsync();
                    jobRuns++;
                    try
                    {
                        await Task.Delay(projectEvery, stop.Token);
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            });
            var n = await Intakes();
            await stop.CancelAsync();
            await beside;
            var intakesDone = watch.Elapsed;
            projectedCases += await projector.RunAsync();
            catchUp += watch.Elapsed - intakesDone;
            with.Add(n / watch.Elapsed.TotalSeconds);
            cpuWith.Add((Cpu() - cpu).TotalMicroseconds / n);
            await RemoveAsync(dataSource, opened);
        }
        var ratios = with.Select((w, i) => w / without[i]).Order().ToList();
        var ratio = ratios[ratios.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intake with the statistics job (every {projectEvery.TotalSeconds:F0} s, {jobRuns} runs, {projectedCases:N0} cases projected, catch-up at the rounds' ends {catchUp.TotalSeconds / rounds:F2} s a round) vs without, "
            + $"{rounds} alternating rounds of {length.TotalSeconds:F0} s: {with.Average():F0}/s vs {without.Average():F0}/s, ratio median {ratio:F2} "
            + $"(rounds, sorted: {string.Join(" ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}; goal >= 0.9); load {ScaleHistory.Load()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"projector alone, after the rounds without the job: {aloneCases:N0} cases, {aloneElapsed.TotalMicroseconds / aloneCases:F0} µs a case elapsed, "
            + $"CPU {aloneClient.TotalMicroseconds / aloneCases:F0} µs in this process and {aloneServer.TotalMicroseconds / aloneCases:F0} µs in the cluster"));
        var costs = cpuWith.Select((w, i) => cpuWithout[i] / w).Order().ToList();
        var cost = costs[costs.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per intake ({(postmaster == 0 ? "this process alone" : "this process and the cluster")}): with the job {cpuWith.Average():F0} µs, without {cpuWithout.Average():F0} µs, "
            + $"ratio median {cost:F2} (rounds, sorted: {string.Join(" ", costs.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}; goal >= 0.9)"));
        return ratio >= 0.9;
    }

    /// Removes the benchmark's own intakes and everything they wrote. History is append-only, so its
    /// guards are lifted inside the removing transaction alone: no other session ever sees them off.
    private static async Task RemoveAsync(NpgsqlDataSource dataSource, List<Guid> ids)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            alter table case_history disable trigger case_history_append_only;
            alter table cases disable trigger cases_keep;
            delete from case_facts where case_id = any(@ids);
            delete from timers where case_id = any(@ids);
            delete from outbox where case_id = any(@ids);
            delete from case_history where case_id = any(@ids);
            delete from cases where id = any(@ids);
            alter table case_history enable trigger case_history_append_only;
            alter table cases enable trigger cases_keep;
            """, new { ids = ids.ToArray() }, transaction);
        await transaction.CommitAsync();
        ids.Clear();
        // Vacuumed now, untimed, rather than by autovacuum in the middle of the next round; analysed,
        // or the planner would go on counting the removed open cases and read every facts row for them.
        await using var plain = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ScaleDatabase.ConnectionString()) { MaxAutoPrepare = 0 }.ConnectionString);
        await plain.ExecuteAsync("vacuum (analyze) case_facts, timers, outbox, case_history, cases");
    }
}
