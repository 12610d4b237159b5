using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using ServiceWindow.Bench.Store;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Bench.Statistics;

/// Generates the case history of the statistics-at-scale benchmark, in two parts.
///
/// The months that are measured (October and November 2026 and the first day of December) are played
/// through the command path (`CaseCommands`, the engine, the store) with a clock moved to each
/// command's office time, and the projector then derives their facts, exactly as live. Every older
/// month is a copy of October's completed cases made in SQL: new ids, every instant moved back by
/// whole days, the history chain hashed again for the new ids with the schema's own
/// `case_history_hash`, the facts copied alongside. A copy keeps its entries' payloads as October
/// wrote them, so its facts are not recomputable from its history; no measured month reads a copy
/// (they all lie before the month the report reads), they are the history the reports must not slow with.
///
/// Each month is done once: a played month skips the cases that exist, a copied month is one
/// transaction recorded in `bench_scale_months`. So a stopped run goes on where it stopped.
internal static class ScaleHistory
{
    public static readonly DateOnly TemplateMonth = new(2026, 10, 1);
    public static readonly DateOnly ClosedMonth = new(2026, 11, 1);
    public static readonly DateOnly LiveMonth = new(2026, 12, 1);
    public const int Departments = 6;
    public const int WindowsPerDepartment = 5;

    private static readonly BenchCatalog Catalog = new();

    // Nothing is played later than this office time, so the same options give the same history whenever they run.
    public static DateTimeOffset Cutoff => Catalog.Calendar.Instant(new DateOnly(2026, 12, 2), new TimeOnly(0, 0));

    public static string WindowId(int index) => $"w{index + 1:D2}";

    public static async Task GenerateAsync(string[] args)
    {
        var target = StoreOption(args, "cases", 10_000_000L);
        var perMonth = (int)StoreOption(args, "per-month", 50_000L);
        var workers = (int)StoreOption(args, "workers", 4L);
        var capBytes = StoreOption(args, "max-gb", 28L) * 1024L * 1024 * 1024;
        Console.WriteLine($"stats-scale generate: goal {target:N0} cases, {perMonth:N0} per month, cap {capBytes / (1L << 30)} GB; {Machine.Describe()}; load {Load()}");
        await using var dataSource = await ScaleDatabase.OpenAsync();
        await PrepareAsync(dataSource);

        foreach (var month in new[] { TemplateMonth, ClosedMonth, LiveMonth })
        {
            await PlayMonthAsync(dataSource, month, perMonth, workers);
        }
        var watch = Stopwatch.StartNew();
        var projected = await new StatisticsProjector(dataSource, Catalog, TimeProvider.System).RunAsync();
        Console.WriteLine($"projector: {projected:N0} cases' facts in {watch.Elapsed.TotalSeconds:F1} s");

        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            create table if not exists bench_scale_template as
            select f.case_id
            from case_facts f
            where f.accepted_at >= @start and f.accepted_at < @end and f.completed_at is not null
            """,
            new { start = Start(TemplateMonth), end = Start(TemplateMonth.AddMonths(1)) });
        var templateSize = await connection.ExecuteScalarAsync<int>("select count(*) from bench_scale_template");
        var maxSequence = await connection.ExecuteScalarAsync<int>(
            "select max(c.history_length) from cases c join bench_scale_template t on t.case_id = c.id");
        Console.WriteLine($"copy template: {templateSize:N0} completed cases of {TemplateMonth:yyyy-MM}, up to {maxSequence} history entries each");

        for (var month = TemplateMonth.AddMonths(-1); ; month = month.AddMonths(-1))
        {
            var cases = await connection.ExecuteScalarAsync<long>("select count(*) from cases");
            var size = await connection.ExecuteScalarAsync<long>("select pg_database_size(current_database())");
            if (cases >= target)
            {
                Console.WriteLine($"done: {cases:N0} cases, database {size / 1e9:F1} GB; load {Load()}");
                break;
            }
            if (size >= capBytes)
            {
                Console.WriteLine($"stopped at the disk cap: {cases:N0} cases, database {size / 1e9:F1} GB; load {Load()}");
                break;
            }
            if (await connection.ExecuteScalarAsync<bool>("select exists (select 1 from bench_scale_months where month = @month)",
                    new { month = month.ToDateTime(TimeOnly.MinValue) }))
            {
                continue;
            }
            watch.Restart();
            await CopyMonthAsync(connection, month, maxSequence);
            Console.WriteLine($"copied {TemplateMonth:yyyy-MM} to {month:yyyy-MM}: {templateSize:N0} cases in {watch.Elapsed.TotalSeconds:F1} s "
                + $"({templateSize / watch.Elapsed.TotalSeconds:F0}/s); {cases + templateSize:N0} cases, {size / 1e9:F1} GB before it; load {Load()}");
        }
        watch.Restart();
        // Utility statements cannot be prepared, which the application's data source does.
        await using (var plain = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ScaleDatabase.ConnectionString()) { MaxAutoPrepare = 0 }.ConnectionString))
        {
            // Dapper takes a command text without a space for a procedure's name.
            await plain.ExecuteAsync(new CommandDefinition("analyze", commandType: System.Data.CommandType.Text));
        }
        Console.WriteLine($"analyze: {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task PrepareAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            create table if not exists bench_scale_months (
                month    date primary key,
                cases    integer not null,
                seconds  double precision not null
            )
            """);
        for (var d = 0; d < Departments; d++)
        {
            var department = $"d{d + 1}";
            await connection.ExecuteAsync(
                "insert into departments (id, name_zh, name_en) values (@department, @zh, @en) on conflict do nothing",
                new { department, zh = $"第{d + 1}科", en = $"Section {d + 1}" });
            await connection.ExecuteAsync(
                "insert into staff (id, display_name, department_id) values (@id, @id, @department) on conflict do nothing",
                new { id = $"chief-{department}", department });
            for (var w = 0; w < WindowsPerDepartment; w++)
            {
                var window = WindowId(d * WindowsPerDepartment + w);
                await connection.ExecuteAsync(
                    "insert into windows (id, department_id, name_zh, name_en) values (@window, @department, @zh, @en) on conflict do nothing",
                    new { window, department, zh = $"{window}号窗口", en = $"Window {window}" });
                foreach (var person in new[] { $"clerk-{window}", $"handler-{window}" })
                {
                    await connection.ExecuteAsync(
                        "insert into staff (id, display_name, department_id, window_id) values (@person, @person, @department, @window) on conflict do nothing",
                        new { person, department, window });
                }
            }
        }
    }

    /// Plays up to `perMonth` cases accepted in the month through the command path.
    private static async Task PlayMonthAsync(NpgsqlDataSource dataSource, DateOnly month, int perMonth, int workers)
    {
        var calendar = Catalog.Calendar;
        var days = Enumerable.Range(0, month.AddMonths(1).DayNumber - month.DayNumber)
            .Select(i => month.AddDays(i)).Where(calendar.IsWorkingDay).ToArray();
        var ids = Enumerable.Range(0, perMonth).Select(i => CaseId(month, i)).ToArray();
        HashSet<Guid> existing;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            existing = [.. await connection.QueryAsync<Guid>("select id from cases where id = any(@ids)", new { ids })];
        }
        if (existing.Count == perMonth)
        {
            Console.WriteLine($"{month:yyyy-MM}: played before");
            return;
        }
        var watch = Stopwatch.StartNew();
        var store = new CaseStore(dataSource);
        var engine = new WorkflowEngine();
        var commandsRun = 0L;
        var casesRun = 0;
        async Task Worker(int worker)
        {
            var clock = new BenchClock(Cutoff);
            var commands = new CaseCommands(store, Catalog, engine, clock);
            for (var i = worker; i < perMonth; i += workers)
            {
                if (existing.Contains(ids[i]))
                {
                    continue;
                }
                var plan = Plan(month, i, days);
                if (plan[0].At >= Cutoff)
                {
                    continue;
                }
                long version = 0;
                foreach (var step in plan.TakeWhile(s => s.At < Cutoff))
                {
                    clock.Now = step.At;
                    var outcome = version == 0
                        ? await commands.OpenAsync(BenchCatalog.DefinitionId, ids[i],
                            new CaseCommand(step.Action, step.Actor, 0, new Dictionary<string, string> { [CaseFactsReader.WindowInput] = step.Window }))
                        : await commands.ExecuteAsync(ids[i], CaseCommand.Of(step.Action, step.Actor, version));
                    version = outcome.Version;
                    Interlocked.Increment(ref commandsRun);
                }
                if (Interlocked.Increment(ref casesRun) % 10_000 == 0)
                {
                    Console.WriteLine($"  {month:yyyy-MM}: {casesRun:N0} cases, {Interlocked.Read(ref commandsRun):N0} commands, {watch.Elapsed.TotalSeconds:F0} s");
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w))));
        Console.WriteLine($"{month:yyyy-MM}: played {casesRun:N0} cases ({commandsRun:N0} commands) through CaseCommands in {watch.Elapsed.TotalSeconds:F1} s "
            + $"({commandsRun / watch.Elapsed.TotalSeconds:F0} commands/s, {workers} workers); load {Load()}");
    }

    private sealed record Step(DateTimeOffset At, string Action, Actor Actor, string Window);

    /// What becomes of case `index` of the month: accepted on a working day in office hours, then
    /// approved by the window's handler (most within the promised 5 working days, some late), or
    /// referred to the section chief first; some stay open.
    private static List<Step> Plan(DateOnly month, int index, DateOnly[] days)
    {
        var calendar = Catalog.Calendar;
        var random = new Random(month.DayNumber * 1_000_003 + index);
        var windowIndex = random.Next(Departments * WindowsPerDepartment);
        var window = WindowId(windowIndex);
        var department = $"d{windowIndex / WindowsPerDepartment + 1}";
        var clerk = Actor.Staff($"clerk-{window}", "clerk");
        var handler = Actor.Staff($"handler-{window}", "handler");
        var chief = Actor.Staff($"chief-{department}", "section_chief");
        var day = days[random.Next(days.Length)];
        var accepted = calendar.Instant(day, new TimeOnly(9, 0).AddMinutes(random.Next(420)));
        var steps = new List<Step> { new(accepted, "accept", clerk, window) };
        var fate = random.NextDouble();
        if (fate < 0.08)
        {
            return steps;
        }
        var spread = random.NextDouble();
        var workingDays = spread < 0.55 ? random.Next(0, 3) : spread < 0.85 ? random.Next(3, 5) : spread < 0.92 ? 5 : random.Next(6, 10);
        var done = calendar.Instant(calendar.AddWorkingDays(day, workingDays), new TimeOnly(9, 0).AddMinutes(random.Next(420)));
        if (done <= accepted)
        {
            done = accepted.AddMinutes(20 + random.Next(60));
        }
        if (fate < 0.28)
        {
            steps.Add(new(accepted + (done - accepted) / 2, "refer", handler, window));
            steps.Add(new(done, "approve", chief, window));
        }
        else
        {
            steps.Add(new(done, "approve", handler, window));
        }
        return steps;
    }

    /// One transaction: the template's cases, history and facts under new ids, `month - template` days earlier.
    private static async Task CopyMonthAsync(NpgsqlConnection connection, DateOnly month, int maxSequence)
    {
        var started = Stopwatch.GetTimestamp();
        var shift = TimeSpan.FromDays(TemplateMonth.DayNumber - month.DayNumber);
        var tag = $"copy:{month:yyyy-MM}:";
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("set local synchronous_commit = off", transaction: transaction);
        await connection.ExecuteAsync(
            """
            create temp table copy_map on commit drop as
            select t.case_id as old_id, md5(@tag || t.case_id::text)::uuid as new_id from bench_scale_template t;
            create temp table copy_history (like case_history) on commit drop;
            create index on copy_history (case_id, sequence);
            """, new { tag }, transaction);
        // Entry n links to the copy of entry n-1, so the chain is hashed one sequence number at a time.
        for (var sequence = 1; sequence <= maxSequence; sequence++)
        {
            await connection.ExecuteAsync(
                """
                insert into copy_history (case_id, sequence, kind, actor_id, at, action, from_stage, to_stage, payload, prev_hash, hash, recorded_at)
                select m.new_id, h.sequence, h.kind, h.actor_id, h.at - @shift, h.action, h.from_stage, h.to_stage, h.payload, p.hash,
                       case_history_hash(p.hash, m.new_id, h.sequence, h.kind, h.actor_id, h.at - @shift, h.action, h.from_stage, h.to_stage, h.payload),
                       h.at - @shift
                from copy_map m
                join case_history h on h.case_id = m.old_id and h.sequence = @sequence
                left join copy_history p on p.case_id = m.new_id and p.sequence = @sequence - 1
                """, new { shift, sequence }, transaction);
        }
        await connection.ExecuteAsync(
            """
            insert into case_history select * from copy_history;

            insert into cases (id, definition_id, definition_version, service_item_code, stage, version, history_length,
                               first_inquiry_owner, handler_id, accepted_at, promised_deadline, statutory_deadline,
                               deadlines_provisional, warning_level, receipt_number, lookup_secret_hash, completed_at,
                               state, created_at, updated_at, history_head, window_id)
            select m.new_id, c.definition_id, c.definition_version, c.service_item_code, c.stage, c.version, c.history_length,
                   c.first_inquiry_owner, c.handler_id, c.accepted_at - @shift, c.promised_deadline - @shift, c.statutory_deadline - @shift,
                   c.deadlines_provisional, c.warning_level,
                   case when c.receipt_number is not null then c.receipt_number || '-' || @suffix end, c.lookup_secret_hash,
                   c.completed_at - @shift, c.state, c.created_at - @shift, c.updated_at - @shift, h.hash, c.window_id
            from copy_map m
            join cases c on c.id = m.old_id
            join copy_history h on h.case_id = m.new_id and h.sequence = c.history_length;

            insert into case_facts (case_id, history_length, department_id, window_id, staff_id, item_code, kind,
                                    accepted_at, completed_at, outcome, promised_due, statutory_due, completed_early,
                                    working_days_used, statutory_working_days, supplements, extensions, projected_at)
            select m.new_id, f.history_length, f.department_id, f.window_id, f.staff_id, f.item_code, f.kind,
                   f.accepted_at - @shift, f.completed_at - @shift, f.outcome, f.promised_due - @shift, f.statutory_due - @shift,
                   f.completed_early, f.working_days_used, f.statutory_working_days,
                   array(select s - @shift from unnest(f.supplements) s), array(select e - @shift from unnest(f.extensions) e),
                   f.projected_at
            from copy_map m
            join case_facts f on f.case_id = m.old_id;

            insert into bench_scale_months (month, cases, seconds) select @month, count(*), 0 from copy_map;
            """, new { shift, suffix = month.ToString("yyyyMM", CultureInfo.InvariantCulture), month = month.ToDateTime(TimeOnly.MinValue) }, transaction);
        await connection.ExecuteAsync("update bench_scale_months set seconds = @seconds where month = @month",
            new { seconds = Stopwatch.GetElapsedTime(started).TotalSeconds, month = month.ToDateTime(TimeOnly.MinValue) }, transaction);
        await transaction.CommitAsync();
    }

    public static Guid CaseId(DateOnly month, int index) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"scale:{month:yyyy-MM}:{index}")));

    public static DateTime Start(DateOnly month) => Catalog.Calendar.Instant(month, TimeOnly.MinValue).UtcDateTime;

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

    public static long StoreOption(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
