using System.Diagnostics;
using System.Text;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Bench;

/// `transitions`: engine transitions per second on one thread for a 10-stage definition on cn-mainland: each
/// case is opened, accepted (the clock starts) and moved through nine stages to its terminal stage, with a
/// four-level escalation ladder, an inaction timer and a stage timer rescheduled at every step.
/// Goal: at least 200,000 transitions per second.
internal static class TransitionsBenchmark
{
    private const int CasesPerRound = 40_000;
    private const int Rounds = 5;
    private const int Stages = 10;

    public static int Run(string[] args)
    {
        var path = Machine.FindRepositoryFile(Path.Combine("workflows", "calendars", "cn-mainland.json"));
        var calendar = CalendarLoader.Load(Path.GetFileName(path), File.ReadAllText(path), TimeZoneInfo.FindSystemTimeZoneById);
        var definition = DefinitionLoader.Load("bench-ten-stages.json", TenStages());
        var engine = new WorkflowEngine();
        var clerk = Actor.Staff("clerk-1", "clerk");
        var handler = Actor.Staff("handler-1", "handler");
        var acceptInputs = new Dictionary<string, string> { ["handler"] = handler.Id };
        var openInputs = new Dictionary<string, string> { ["applicant"] = "bench" };
        var noInputs = new Dictionary<string, string>();

        // Each case starts on another working hour of 2025 so deadlines and yellow instants vary.
        var origin = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.FromHours(8));
        long Loop(int cases)
        {
            long sink = 0;
            for (var c = 0; c < cases; c++)
            {
                var now = origin.AddHours(c % 6000);
                var result = engine.Open(definition, calendar, Guid.NewGuid(), new CaseCommand("open", clerk, 0, openInputs), now);
                var state = result.State;
                for (var s = 1; s < Stages; s++)
                {
                    now = now.AddHours(3);
                    result = engine.Execute(definition, calendar, state, s == 1
                        ? new CaseCommand("next", clerk, state.Version, acceptInputs)
                        : new CaseCommand("next", handler, state.Version, noInputs), now);
                    state = result.State;
                    sink += result.Effects.Count;
                }
                sink += state.HistoryLength;
            }
            return sink;
        }

        var sink = Loop(CasesPerRound / 2);
        var rates = new List<double>();
        long allocated = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            sink ^= Loop(CasesPerRound);
            var elapsed = Stopwatch.GetElapsedTime(started);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            rates.Add(CasesPerRound * (double)Stages / elapsed.TotalSeconds);
        }
        rates.Sort();
        var transitions = (long)CasesPerRound * Stages * Rounds;
        Console.WriteLine($"transitions: {Rounds} rounds x {CasesPerRound:N0} cases x {Stages} transitions (open, accept, 8 moves to the terminal stage), one thread");
        Console.WriteLine($"  median {rates[Rounds / 2]:N0}/s, best {rates[^1]:N0}/s, {1e9 / rates[Rounds / 2]:F0} ns/transition");
        Console.WriteLine($"  allocated {(double)allocated / transitions:F0} bytes/transition");
        Console.WriteLine($"  machine: {Machine.Describe()}");
        Console.WriteLine($"  (checksum {sink})");
        return rates[Rounds / 2] >= 200_000 ? 0 : 1;
    }

    /// s1 (received, off the clock) → s2 (accepted: the clock starts) → ... → s9 → s10 (terminal).
    private static string TenStages()
    {
        var stages = new StringBuilder();
        for (var i = 1; i <= Stages; i++)
        {
            var id = $"s{i}";
            if (i == Stages)
            {
                stages.Append($$"""{ "id": "{{id}}", "name": { "zh": "{{id}}", "en": "{{id}}" }, "clock": "stopped", "outcome": "done" }""");
                break;
            }
            var roles = i == 1 ? "\"clerk\"" : "\"handler\"";
            var handler = i == 1 ? ", \"inputs\": [\"handler\"], \"handler\": \"handler\"" : "";
            stages.Append($$"""
                {
                  "id": "{{id}}", "name": { "zh": "{{id}}", "en": "{{id}}" }, "clock": "{{(i == 1 ? "stopped" : "running")}}",
                  "actions": [ { "id": "next", "roles": [{{roles}}]{{handler}}, "target": "s{{i + 1}}" } ],
                  "timers": [ { "id": "stage_due", "after": "3wd", "notify": ["section_chief"] } ]
                },
                """);
        }
        return $$"""
            {
              "id": "bench-ten-stages",
              "version": 1,
              "name": { "zh": "十环节", "en": "Ten stages" },
              "item": { "kind": "promised", "statutoryLimit": "30wd", "promisedLimit": "20wd", "maximumExtension": "10wd", "legalBasis": "benchmark" },
              "escalation": [
                { "level": 1, "at": "yellow", "notify": ["handler"] },
                { "level": 2, "at": "red", "notify": ["handler", "section_chief"] },
                { "level": 3, "at": "red", "after": "2wd", "notify": ["leader", "efficiency_office"], "finding": "slowAction" },
                { "level": 4, "at": "statutoryRed", "notify": ["leader"], "finding": "slowAction" }
              ],
              "accountability": { "inactionAfter": "5wd" },
              "start": [ { "id": "open", "roles": ["clerk"], "inputs": ["applicant"], "target": "s1" } ],
              "stages": [ {{stages}} ],
              "outcomes": [ { "id": "done", "name": { "zh": "办结", "en": "Done" } } ]
            }
            """;
    }
}
