using System;
using System.Collections.Generic;
using System.Globalization;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine.Timers;

namespace ServiceWindow.Workflows.Engine;

/// One transition of a case being built: the state as it changes, the history entries and the effects.
/// Lives for one engine call; the engine hands out only the immutable result. The rules of each action
/// and timer kind live in Actions/ and Timers/; this type holds what every transition shares.
internal sealed class Transition(WorkflowDefinition definition, WorkingCalendar calendar, CaseState state, DateTimeOffset now)
{
    private ServiceClock? snapshotClock;
    private ClockSnapshot? snapshot;

    public WorkflowDefinition Definition { get; } = definition;

    public WorkingCalendar Calendar { get; } = calendar;

    public DateTimeOffset Now { get; } = now;

    public CaseState State { get; set; } = state;

    public List<HistoryEntry> History { get; } = new(2);

    public List<Effect> Effects { get; } = new(4);

    /// The sequence number the next appended entry gets; history has no gaps.
    public int NextSequence => State.HistoryLength + History.Count + 1;

    /// The clock read now, or null before acceptance; cached until the clock changes.
    public ClockSnapshot? Snapshot()
    {
        var clock = State.Clock;
        if (clock is null)
        {
            return null;
        }
        if (!ReferenceEquals(clock, snapshotClock))
        {
            snapshot = clock.Snapshot(Calendar, Now, Definition.Warnings);
            snapshotClock = clock;
        }
        return snapshot;
    }

    public void Append(string kind, string actorId, string? action, string? fromStage, string? toStage, IReadOnlyDictionary<string, string> data) =>
        History.Add(new HistoryEntry(NextSequence, kind, actorId, Now, action, fromStage, toStage, data, Snapshot()));

    /// Moves the case into a stage and sets the clock as the stage says: a running stage starts the clock
    /// (acceptance) or resumes it (a new episode); a paused or stopped one pauses a running clock.
    public void EnterStage(string stageId, int entrySequence)
    {
        var stage = Definition.Stage(stageId);
        var clock = State.Clock;
        if (!stage.IsTerminal)
        {
            if (stage.Clock == ClockMode.Running)
            {
                if (clock is null)
                {
                    var item = Definition.Item;
                    clock = ServiceClock.Start(Now, item.PromisedLimit, item.StatutoryLimit, item.MaximumExtension);
                }
                else if (clock.State == ClockState.Paused)
                {
                    clock = clock.Resume(Now);
                }
            }
            else if (clock is { State: ClockState.Running })
            {
                clock = clock.Pause(Now, stage.Special ?? stage.Id);
            }
        }
        State = State with
        {
            Stage = stageId,
            StageEnteredAt = Now,
            StageEntrySequence = entrySequence,
            Clock = clock,
        };
    }

    /// Closes the case when its stage is terminal: records the outcome, stops the clock and records the
    /// timing against both deadlines.
    public void CompleteIfTerminal()
    {
        var stage = Definition.Stage(State.Stage);
        if (!stage.IsTerminal)
        {
            return;
        }
        var outcome = stage.Outcome!;
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["outcome"] = outcome };
        Completion? completion = null;
        if (State.Clock is { } clock && clock.State != ClockState.Stopped)
        {
            State = State with { Clock = clock.Stop(Now) };
            var read = Snapshot()!;
            completion = new Completion(
                Now,
                outcome,
                Timing(read.Promised.Due),
                Timing(read.Statutory.Due),
                read.Promised.Due,
                read.Statutory.Due);
            data["against_promised"] = completion.AgainstPromised.ToString();
            data["against_statutory"] = completion.AgainstStatutory.ToString();
            data["working_days_used"] = read.WorkingDaysUsed.ToString(CultureInfo.InvariantCulture);
        }
        State = State with { Outcome = outcome, Completion = completion };
        Append(HistoryKinds.Completed, Actor.System.Id, null, State.Stage, State.Stage, data);
    }

    private CompletionTiming Timing(DateTimeOffset due)
    {
        if (Now > due)
        {
            return CompletionTiming.Overdue;
        }
        return Calendar.WorkingDaysBetween(Calendar.LocalDate(Now), Calendar.LocalDate(due)) >= 1
            ? CompletionTiming.Early
            : CompletionTiming.OnTime;
    }

    /// Adds a notice per recipient. Recipients: <c>applicant</c>; <c>handler</c> (the responsible staff id
    /// when assigned); <c>first_inquiry_owner</c>; a role; or <c>role@input</c>, that role at the window
    /// named by a case input, carried in <c>Data["window"]</c>.
    public void Notify(IReadOnlyList<Notification> notifications, Dictionary<string, string>? extra)
    {
        if (notifications.Count == 0)
        {
            return;
        }
        var data = extra ?? new Dictionary<string, string>(StringComparer.Ordinal);
        data["case"] = State.Id.ToString();
        data["definition"] = Definition.Id;
        data["stage"] = State.Stage;
        if (Snapshot() is { } read)
        {
            data["promised_due"] = HistoryText.Format(read.Promised.Due);
        }
        foreach (var notification in notifications)
        {
            var to = notification.To;
            var scoped = to.IndexOf('@');
            if (scoped >= 0)
            {
                var copy = new Dictionary<string, string>(data, StringComparer.Ordinal);
                if (State.Data.Inputs.TryGetValue(to[(scoped + 1)..], out var window))
                {
                    copy["window"] = window;
                }
                Effects.Add(new Notify(to[..scoped], notification.Template, copy));
                continue;
            }
            var recipient = to switch
            {
                Roles.Handler => State.Handler ?? Roles.Handler,
                Roles.FirstInquiryOwner => State.FirstInquiryOwner,
                _ => to,
            };
            Effects.Add(new Notify(recipient, notification.Template, data));
        }
    }

    public Dictionary<string, string> NotificationData(IReadOnlyDictionary<string, string>? inputs) =>
        inputs is null || inputs.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(inputs, StringComparer.Ordinal);

    /// Brings pending timers in line with the state: each timer kind adds the timers it wants now (none
    /// once the case is closed). Keys that are no longer wanted are cancelled; new ones scheduled; a changed
    /// due instant is cancelled and scheduled again.
    public void Reconcile()
    {
        var desired = new List<PendingTimer>(4);
        if (!State.IsClosed)
        {
            var read = Snapshot();
            foreach (var rule in TimerRules.All)
            {
                rule.Schedule(this, read, desired);
            }
        }

        var pending = State.Timers;
        // Within one key the due instant moves only when the calendar changes; a printed (non-provisional)
        // due instant is then held, like a printed deadline.
        for (var i = 0; i < desired.Count; i++)
        {
            if (Find(pending, desired[i].Key) is { Provisional: false } held && held.DueAt != desired[i].DueAt)
            {
                desired[i] = held;
            }
        }
        foreach (var timer in pending)
        {
            if (Find(desired, timer.Key) is not { } wanted || wanted.DueAt != timer.DueAt)
            {
                Effects.Add(new CancelTimer(timer.Key));
            }
        }
        foreach (var timer in desired)
        {
            if (Find(pending, timer.Key) is not { } existing || existing.DueAt != timer.DueAt)
            {
                Effects.Add(new ScheduleTimer(timer.Key, timer.Name, timer.DueAt));
            }
        }
        State = State with { Timers = desired };
    }

    public TransitionResult Finish(bool reconcile = true)
    {
        if (reconcile)
        {
            Reconcile();
        }
        var read = Snapshot();
        State = State with
        {
            Version = State.Version + 1,
            HistoryLength = State.HistoryLength + History.Count,
            UpdatedAt = Now,
            WarningLevel = read?.Warning ?? WarningLevel.None,
            PromisedDue = read?.Promised.Due,
            StatutoryDue = read?.Statutory.Due,
            DeadlinesProvisional = read is not null && (read.Promised.Provisional || read.Statutory.Provisional),
            FiredTimers = Prune(State.FiredTimers),
        };
        return new TransitionResult(State, History, Effects);
    }

    /// The moment a warning begins, read off the snapshot: red and statutory red just after their deadline
    /// (the snapshot turns red only once the deadline has passed), yellow when the warning rule says so.
    public Deadline WarningStarts(TimerAnchor anchor, ClockSnapshot read) => anchor switch
    {
        TimerAnchor.Red => new Deadline(read.Promised.Due.AddSeconds(1), read.Promised.Provisional),
        TimerAnchor.StatutoryRed => new Deadline(read.Statutory.Due.AddSeconds(1), read.Statutory.Provisional),
        TimerAnchor.Yellow => new Deadline(Definition.Warnings.YellowFrom(Calendar, read.PromisedLimit, read.Promised.Due), read.Promised.Provisional),
        _ => new Deadline(State.StageEnteredAt, false),
    };

    /// <paramref name="limit"/> counted from <paramref name="from"/>; provisional when either is.
    public Deadline After(Deadline from, TimeLimit limit)
    {
        if (limit.Amount == 0)
        {
            return from;
        }
        var due = DeadlineCalculator.Due(Calendar, from.Due, limit);
        return new Deadline(due.Due, due.Provisional || from.Provisional);
    }

    /// Keeps only fired keys that can still be wanted: timers of the current stage entry and the inaction
    /// timer of the last touch.
    private IReadOnlyList<string> Prune(IReadOnlyList<string> fired)
    {
        if (fired.Count == 0)
        {
            return fired;
        }
        var kept = new List<string>(fired.Count);
        foreach (var key in fired)
        {
            if (TimerKey.Parse(key) is { } parsed
                && ((parsed.Kind == TimerKey.StageKind && parsed.Stage == State.Stage && parsed.Sequence == State.StageEntrySequence)
                    || (parsed.Kind == TimerKey.InactionKind && parsed.Sequence == State.LastTouchSequence)))
            {
                kept.Add(key);
            }
        }
        return kept.Count == fired.Count ? fired : kept;
    }

    public static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public static bool Contains(IReadOnlyList<string> keys, string key)
    {
        foreach (var k in keys)
        {
            if (k == key)
            {
                return true;
            }
        }
        return false;
    }

    private static PendingTimer? Find(IReadOnlyList<PendingTimer> timers, string key)
    {
        foreach (var timer in timers)
        {
            if (timer.Key == key)
            {
                return timer;
            }
        }
        return null;
    }
}
