using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Workflows.Tests.Support;

/// Runs one case the way the store and scheduler would: applies results, keeps the history and the
/// effects, and fires due timers in order as the FakeTimeProvider moves.
public sealed class CaseDriver
{
    private readonly WorkflowEngine engine = new();
    private readonly List<HistoryEntry> history = [];
    private readonly List<Effect> effects = [];
    private readonly SortedDictionary<string, ScheduleTimer> scheduled = new(StringComparer.Ordinal);

    public CaseDriver(WorkflowDefinition definition, DateTimeOffset start, WorkingCalendar? calendar = null)
    {
        Definition = definition;
        Calendar = calendar ?? Calendars.CnMainland;
        Clock = new FakeTimeProvider(start.ToUniversalTime());
        Clock.SetLocalTimeZone(Calendars.Shanghai);
    }

    public static CaseDriver For(string definitionId, string start) =>
        new(WorkflowFiles.Load(definitionId), Calendars.Instant(start));

    public WorkflowDefinition Definition { get; }

    public WorkingCalendar Calendar { get; }

    /// The clock the test moves; the engine is handed its reading, never the provider.
    public FakeTimeProvider Clock { get; }

    /// The clock read in office time (Asia/Shanghai), as history entries and notices show it.
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Calendars.Shanghai);

    public CaseState State { get; private set; } = null!;

    public IReadOnlyList<HistoryEntry> History => history;

    public IReadOnlyList<Effect> Effects => effects;

    public IEnumerable<OpenFinding> Findings => effects.OfType<OpenFinding>();

    public IEnumerable<Notify> Notices => effects.OfType<Notify>();

    public IReadOnlyCollection<ScheduleTimer> Scheduled => scheduled.Values;

    public TransitionResult Open(string action, Actor actor, params (string Name, string Value)[] inputs) =>
        Apply(engine.Open(Definition, Calendar, Guid.NewGuid(), Command(action, actor, 0, inputs), Now));

    public TransitionResult Do(string action, Actor actor, params (string Name, string Value)[] inputs) =>
        Do(Command(action, actor, inputs));

    public TransitionResult Do(CaseCommand command) =>
        Apply(engine.Execute(Definition, Calendar, State, command, Now));

    /// A command on the current version, for a test that sets what the store would add (e.g. the complaint count).
    public CaseCommand Command(string action, Actor actor, params (string Name, string Value)[] inputs) =>
        Command(action, actor, State.Version, inputs);

    /// Moves the clock to <paramref name="instant"/>, firing every timer that falls due on the way at its due instant.
    public List<TransitionResult> AdvanceTo(DateTimeOffset instant)
    {
        var fired = new List<TransitionResult>();
        while (scheduled.Values.Where(t => t.DueAt <= instant).OrderBy(t => t.DueAt).FirstOrDefault() is { } next)
        {
            scheduled.Remove(next.Key);
            if (next.DueAt > Now)
            {
                Clock.SetUtcNow(next.DueAt.ToUniversalTime());
            }
            var result = engine.FireTimer(Definition, Calendar, State, next.Key, Now);
            fired.Add(Apply(result));
        }
        Clock.SetUtcNow(instant.ToUniversalTime());
        return fired;
    }

    public List<TransitionResult> AdvanceTo(string instant) => AdvanceTo(Calendars.Instant(instant));

    public TransitionResult Fire(string key) => Apply(engine.FireTimer(Definition, Calendar, State, key, Now));

    public TransitionRefusedException Refused(string action, Actor actor, params (string Name, string Value)[] inputs) =>
        Refused(Command(action, actor, inputs));

    public TransitionRefusedException Refused(CaseCommand command) =>
        Assert.ThrowsAny<TransitionRefusedException>(() => Do(command));

    public HistoryEntry Last(string kind) => history.Last(h => h.Kind == kind);

    private TransitionResult Apply(TransitionResult result)
    {
        if (result.IsEmpty)
        {
            return result;
        }
        Assert.Equal((State?.HistoryLength ?? 0) + 1, result.History[0].Sequence);
        Assert.Equal(result.State.HistoryLength, result.History[^1].Sequence);
        State = result.State;
        history.AddRange(result.History);
        effects.AddRange(result.Effects);
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case CancelTimer cancel:
                    scheduled.Remove(cancel.Key);
                    break;
                case ScheduleTimer schedule:
                    scheduled[schedule.Key] = schedule;
                    break;
            }
        }
        return result;
    }

    private static CaseCommand Command(string action, Actor actor, long version, (string Name, string Value)[] inputs) =>
        new(action, actor, version, inputs.ToDictionary(i => i.Name, i => i.Value));
}
