using System.Globalization;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// Runs cases on their definitions. Pure and stateless: (definition, calendar, state, command or timer,
/// now) in, (new state, history entries, effects) out. It never performs an effect and never reads a clock.
/// </summary>
/// <remarks>
/// Cross-case facts the engine cannot see arrive on the command from the store, never from the caller's
/// inputs: <see cref="CaseCommand.PriorVerifiedComplaints"/> for the sanction ladder. Every transition that changes
/// the case (commands, fired timers, recomputations) increments <see cref="CaseState.Version"/>.
/// </remarks>
public sealed class WorkflowEngine
{
    /// <summary>The stage name refusals carry when there is no case yet.</summary>
    public const string NewCaseStage = "(new)";

    /// <summary>
    /// Opens a case with one of the definition's start actions. The first-inquiry owner is the input
    /// <see cref="InputNames.FirstInquiryOwner"/> when given (a case opened from an inquiry), else the actor.
    /// </summary>
    /// <exception cref="TransitionRefusedException">Unknown start action, wrong role, missing input, or an expected version other than 0.</exception>
    public TransitionResult Open(WorkflowDefinition definition, WorkingCalendar calendar, Guid caseId, CaseCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(command);
        var action = definition.FindStartAction(command.Action)
            ?? throw new TransitionRefusedException(NewCaseStage, command.Action, RefusalKind.WrongStage,
                $"'{command.Action}' does not open a '{definition.Id}' case (start actions: {string.Join(", ", definition.Start.Select(a => a.Id))})");
        if (command.ExpectedVersion != 0)
        {
            throw new VersionConflictException(NewCaseStage, command.Action, command.ExpectedVersion, 0);
        }
        CheckActor(NewCaseStage, action, command);

        var owner = command.Inputs.TryGetValue(InputNames.FirstInquiryOwner, out var given) && !string.IsNullOrWhiteSpace(given)
            ? given
            : command.Actor.Id;
        var initial = new CaseState(
            caseId, definition.Id, definition.Version, NewCaseStage, Version: 0, HistoryLength: 0,
            FirstInquiryOwner: owner, Handler: null, Clock: null, WarningLevel.None,
            PromisedDue: null, StatutoryDue: null, DeadlinesProvisional: false,
            Timers: [], FiredEscalations: [], FiredTimers: [], CaseData.Empty,
            Outcome: null, Completion: null, OpenedAt: now, StageEnteredAt: now, StageEntrySequence: 0,
            LastTouchedAt: now, LastTouchSequence: 0, UpdatedAt: now);
        var step = new Step(definition, calendar, initial, now);
        ApplyAction(step, action, command, HistoryKinds.Opened);
        return step.Finish();
    }

    /// <summary>Takes a staff action on a case.</summary>
    /// <exception cref="VersionConflictException">The command's expected version is stale.</exception>
    /// <exception cref="TransitionRefusedException">Closed case, action not in the stage, wrong role, missing or invalid input.</exception>
    public TransitionResult Execute(WorkflowDefinition definition, WorkingCalendar calendar, CaseState state, CaseCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        CheckDefinition(definition, state);
        if (command.ExpectedVersion != state.Version)
        {
            throw new VersionConflictException(state.Stage, command.Action, command.ExpectedVersion, state.Version);
        }
        if (state.IsClosed)
        {
            throw new TransitionRefusedException(state.Stage, command.Action, RefusalKind.Closed, $"the case is closed ({state.Outcome})");
        }
        var stage = definition.Stage(state.Stage);
        var action = stage.FindAction(command.Action)
            ?? throw new TransitionRefusedException(state.Stage, command.Action, RefusalKind.WrongStage,
                stage.Actions.Count == 0
                    ? $"stage '{stage.Id}' takes no actions"
                    : $"not an action of stage '{stage.Id}' (available: {string.Join(", ", stage.Actions.Select(a => a.Id))})");
        CheckActor(state.Stage, action, command);

        var step = new Step(definition, calendar, state, now);
        ApplyAction(step, action, command, HistoryKinds.Action);
        return step.Finish();
    }

    /// <summary>
    /// Fires a timer the case scheduled. A key that is no longer pending (cancelled, already fired, case
    /// moved on or closed) yields an empty result, so a late or duplicate firing is harmless. A timer fired
    /// before its due instant is still fired: the scheduler decides when.
    /// </summary>
    public TransitionResult FireTimer(WorkflowDefinition definition, WorkingCalendar calendar, CaseState state, string timerKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(timerKey);
        CheckDefinition(definition, state);
        if (state.IsClosed || FindTimer(state.Timers, timerKey) is null)
        {
            return new TransitionResult(state, [], []);
        }
        var key = TimerKey.Parse(timerKey);
        var step = new Step(definition, calendar, state, now);
        var fired = key?.Kind switch
        {
            TimerKey.StageKind => FireStageTimer(step, key.Value, timerKey),
            TimerKey.EscalationKind => FireEscalation(step, key.Value),
            TimerKey.InactionKind => FireInaction(step, timerKey),
            _ => false,
        };
        return fired ? step.Finish() : new TransitionResult(state, [], []);
    }

    /// <summary>
    /// Recomputes a case's deadlines and timers after a calendar change (typically the next year loaded,
    /// turning provisional deadlines firm). Provisional deadlines and timers take
    /// <paramref name="newCalendar"/>'s value; printed (non-provisional) ones are held, as
    /// <see cref="DeadlineRecomputation"/> decides. Records a <see cref="HistoryKinds.DeadlinesRecomputed"/>
    /// entry with the old and new values and reschedules timers; an empty result when nothing moved.
    /// </summary>
    public TransitionResult RecomputeDeadlines(
        WorkflowDefinition definition, WorkingCalendar oldCalendar, WorkingCalendar newCalendar, CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(oldCalendar);
        ArgumentNullException.ThrowIfNull(newCalendar);
        ArgumentNullException.ThrowIfNull(state);
        CheckDefinition(definition, state);
        if (state.IsClosed)
        {
            return new TransitionResult(state, [], []);
        }
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["calendar"] = newCalendar.Id };
        var clockChanged = false;
        var step = new Step(definition, newCalendar, state, now);
        if (state.Clock is { } clock)
        {
            var recomputed = DeadlineRecomputation.Recompute(oldCalendar, newCalendar, clock, now);
            clockChanged = recomputed.NeedsHistoryEntry;
            Describe(data, "promised", recomputed.Promised);
            Describe(data, "statutory", recomputed.Statutory);
            step.State = state with { Clock = recomputed.Clock };
        }
        step.Reconcile();
        if (!clockChanged && step.Effects.Count == 0)
        {
            return new TransitionResult(state, [], []);
        }
        var moved = step.Effects.OfType<ScheduleTimer>().Select(t => t.Name).ToList();
        if (moved.Count > 0)
        {
            data["timers_moved"] = string.Join(",", moved);
        }
        step.Append(HistoryKinds.DeadlinesRecomputed, Actor.System.Id, null, state.Stage, state.Stage, data);
        return step.Finish(reconcile: false);
    }

    private static void Describe(Dictionary<string, string> data, string name, DeadlineChange change)
    {
        data[name + "_before"] = Format(change.Old.Due);
        data[name + "_after"] = Format(change.InForce.Due);
        data[name + "_outcome"] = change.Outcome.ToString();
        if (change.Outcome == DeadlineChangeOutcome.Held)
        {
            data[name + "_new_calendar_would_give"] = Format(change.New.Due);
        }
    }

    private static void CheckDefinition(WorkflowDefinition definition, CaseState state)
    {
        if (definition.Id != state.DefinitionId || definition.Version != state.DefinitionVersion)
        {
            throw new ArgumentException(
                $"case {state.Id} runs {state.DefinitionId} v{state.DefinitionVersion}, not {definition.Id} v{definition.Version}", nameof(definition));
        }
    }

    private static void CheckActor(string stage, ActionDefinition action, CaseCommand command)
    {
        if (!action.Roles.Overlaps(command.Actor.Roles))
        {
            throw new TransitionRefusedException(stage, action.Id, RefusalKind.WrongRole,
                $"{command.Actor.Id} holds none of the roles allowed: {string.Join(", ", action.Roles)}");
        }
        List<string>? missing = null;
        foreach (var input in action.Inputs)
        {
            if (!command.Inputs.TryGetValue(input, out var value) || string.IsNullOrWhiteSpace(value))
            {
                (missing ??= []).Add(input);
            }
        }
        if (missing is not null)
        {
            throw new TransitionRefusedException(stage, action.Id, RefusalKind.MissingInput,
                $"missing input{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}");
        }
    }

    private static void ApplyAction(Step step, ActionDefinition action, CaseCommand command, string kind)
    {
        var state = step.State;
        var fromStage = state.Stage;
        // The verified-complaints count is the store's to give: a caller's input of that name is dropped
        // before it can reach the history, the case data or a notice.
        var callerInputs = WithoutReserved(command.Inputs);
        var data = new Dictionary<string, string>(callerInputs, StringComparer.Ordinal);
        List<OpenFinding>? findings = null;
        var notifyData = step.NotificationData(callerInputs);
        var sequence = step.NextSequence;

        switch (action.Kind)
        {
            case ActionKind.RequestSupplement:
                findings = RequestSupplement(step, action, command, sequence, data, notifyData);
                break;
            case ActionKind.RequestExtension:
                if (!RequestExtension(step, action, command, sequence, data, notifyData))
                {
                    return;
                }
                break;
            case ActionKind.ApproveExtension:
                ApproveExtension(step, action, command, data, notifyData);
                break;
            case ActionKind.Acknowledge:
                data["acknowledged_by"] = command.Actor.Id;
                break;
            case ActionKind.VerifyComplaint:
                findings = [VerifyComplaint(step, action, command, sequence, data)];
                break;
        }

        var handler = action.Kind == ActionKind.Acknowledge ? command.Actor.Id : action.Handler switch
        {
            null => null,
            "actor" => command.Actor.Id,
            var input => command.Inputs[input],
        };
        var inputs = state.Data.Inputs;
        if (callerInputs.Count > 0)
        {
            var merged = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
            foreach (var (name, value) in callerInputs)
            {
                merged[name] = value;
            }
            inputs = merged;
        }
        step.State = step.State with
        {
            Handler = handler ?? step.State.Handler,
            Data = step.State.Data with { Inputs = inputs },
            LastTouchedAt = step.Now,
            LastTouchSequence = sequence,
        };
        if (handler is not null)
        {
            data["handler"] = handler;
        }

        var target = action.Target ?? fromStage;
        var moves = target != fromStage;
        if (moves)
        {
            step.EnterStage(target, sequence);
        }
        step.Append(kind, command.Actor.Id, action.Id, fromStage == NewCaseStage ? null : fromStage, target, data);
        if (moves)
        {
            step.CompleteIfTerminal();
        }
        step.Notify(action.Notify, notifyData);
        if (findings is not null)
        {
            step.Effects.AddRange(findings);
        }
    }

    /// The one-time notice: every missing material in one list. A later notice naming a material that was
    /// required all along but left off the first list is a multiple-notifications finding against the
    /// staff member who sent the incomplete first notice.
    private static List<OpenFinding>? RequestSupplement(
        Step step, ActionDefinition action, CaseCommand command, int sequence, Dictionary<string, string> data, Dictionary<string, string> notifyData)
    {
        var materials = ParseList(command.Inputs[InputNames.Materials]);
        var known = step.Definition.Item.Materials;
        foreach (var material in materials)
        {
            if (!known.Any(m => m.Id == material))
            {
                throw new TransitionRefusedException(step.State.Stage, action.Id, RefusalKind.InvalidInput,
                    $"'{material}' is not a required material of this item (known: {string.Join(", ", known.Select(m => m.Id))})");
            }
        }
        if (materials.Count == 0)
        {
            throw new TransitionRefusedException(step.State.Stage, action.Id, RefusalKind.InvalidInput, "a supplement notice must list the missing materials");
        }
        var list = string.Join(",", materials);
        data[InputNames.Materials] = list;
        notifyData[InputNames.Materials] = list;

        var previous = step.State.Data.Supplements;
        List<OpenFinding>? findings = null;
        if (previous.Count > 0)
        {
            var listedBefore = new HashSet<string>(previous.SelectMany(p => p.Materials), StringComparer.Ordinal);
            var missedFirstTime = materials.Where(m => !listedBefore.Contains(m)).ToList();
            if (missedFirstTime.Count > 0)
            {
                var first = previous[0];
                data["not_listed_before"] = string.Join(",", missedFirstTime);
                findings =
                [
                    new OpenFinding(FindingKind.MultipleNotifications, first.IssuedBy,
                        $"supplement notice {sequence} names {string.Join(", ", missedFirstTime)}, required from the start but not listed in the first notice {first.Sequence}",
                        [.. previous.Select(p => p.Sequence), sequence]),
                ];
            }
        }
        step.State = step.State with
        {
            Data = step.State.Data with
            {
                Supplements = [.. previous, new SupplementNotice(sequence, command.Actor.Id, step.Now, materials)],
            },
        };
        return findings;
    }

    /// Returns false when the request came after the promised deadline: it is refused on the record (a
    /// misconduct finding), the case stays where it is and stays overdue.
    private static bool RequestExtension(
        Step step, ActionDefinition action, CaseCommand command, int sequence, Dictionary<string, string> data, Dictionary<string, string> notifyData)
    {
        var state = step.State;
        if (state.Clock is not { } clock || clock.State == ClockState.Stopped)
        {
            throw new TransitionRefusedException(state.Stage, action.Id, RefusalKind.NotAllowed, "the case is not on the clock");
        }
        var text = command.Inputs[InputNames.Extension];
        if (!TimeLimit.TryParse(text, out var extra) || extra.Amount == 0 || extra.Unit != clock.PromisedLimit.Unit)
        {
            throw new TransitionRefusedException(state.Stage, action.Id, RefusalKind.InvalidInput,
                $"'{text}' is not an extension counted like the promised limit {clock.PromisedLimit}");
        }
        var snapshot = step.Snapshot()!;
        notifyData[InputNames.Reason] = command.Inputs[InputNames.Reason];
        if (step.Now > snapshot.Promised.Due)
        {
            data["refused"] = $"asked after the promised deadline {Format(snapshot.Promised.Due)}";
            step.State = step.State with { LastTouchedAt = step.Now, LastTouchSequence = sequence };
            step.Append(HistoryKinds.ExtensionRefused, command.Actor.Id, action.Id, state.Stage, state.Stage, data);
            step.Effects.Add(new OpenFinding(FindingKind.Misconduct, command.Actor.Id,
                $"extension asked at {Format(step.Now)}, after the promised deadline {Format(snapshot.Promised.Due)}",
                [sequence]));
            return false;
        }
        step.State = step.State with
        {
            Data = step.State.Data with
            {
                PendingExtension = new ExtensionRequest(sequence, command.Actor.Id, step.Now, extra.ToString(), command.Inputs[InputNames.Reason]),
            },
        };
        return true;
    }

    private static void ApproveExtension(Step step, ActionDefinition action, CaseCommand command, Dictionary<string, string> data, Dictionary<string, string> notifyData)
    {
        var state = step.State;
        if (state.Data.PendingExtension is not { } request || state.Clock is not { } clock)
        {
            throw new TransitionRefusedException(state.Stage, action.Id, RefusalKind.NotAllowed, "no extension request is pending");
        }
        ServiceClock extended;
        try
        {
            extended = clock.Extend(step.Now, TimeLimit.Parse(request.Extension), command.Actor.Id, step.Calendar);
        }
        catch (ExtensionRefusedException e)
        {
            throw new TransitionRefusedException(state.Stage, action.Id, RefusalKind.NotAllowed, e.Message);
        }
        data[InputNames.Extension] = request.Extension;
        data[InputNames.Reason] = request.Reason;
        data["requested_by"] = request.RequestedBy;
        data["request_sequence"] = request.Sequence.ToString(CultureInfo.InvariantCulture);
        notifyData[InputNames.Extension] = request.Extension;
        notifyData[InputNames.Reason] = request.Reason;
        step.State = state with { Clock = extended, Data = state.Data with { PendingExtension = null } };
        notifyData["promised_due"] = Format(step.Snapshot()!.Promised.Due);
    }

    private static OpenFinding VerifyComplaint(Step step, ActionDefinition action, CaseCommand command, int sequence, Dictionary<string, string> data)
    {
        var against = command.Inputs[InputNames.Against];
        if (command.PriorVerifiedComplaints is not { } prior)
        {
            throw new TransitionRefusedException(step.State.Stage, action.Id, RefusalKind.NotAllowed,
                $"the count of complaints against {against} verified earlier this year was not supplied by the store");
        }
        if (prior < 0)
        {
            throw new TransitionRefusedException(step.State.Stage, action.Id, RefusalKind.InvalidInput,
                $"{prior} is not a count of complaints verified earlier this year");
        }
        var count = prior + 1;
        data[InputNames.PriorVerifiedComplaints] = prior.ToString(CultureInfo.InvariantCulture);
        var sanction = SanctionLadder.For(step.Definition.Accountability.Sanctions, count);
        data["verified_count"] = count.ToString(CultureInfo.InvariantCulture);
        data["sanction"] = sanction.ToString();
        return new OpenFinding(FindingKind.Misconduct, against,
            $"verified complaint no. {count} this calendar year against {against}: {sanction}",
            [.. new[] { 1, sequence }.Distinct()]);
    }

    private static bool FireStageTimer(Step step, TimerKey key, string timerKey)
    {
        var state = step.State;
        var stage = step.Definition.Stage(state.Stage);
        var timer = stage.Timers.FirstOrDefault(t => t.Id == key.Name);
        if (timer is null || key.Stage != state.Stage || key.Sequence != state.StageEntrySequence)
        {
            return false;
        }
        var sequence = step.NextSequence;
        step.State = step.State with { FiredTimers = [.. state.FiredTimers, timerKey] };
        var target = timer.Target ?? state.Stage;
        var moves = target != state.Stage;
        if (moves)
        {
            step.EnterStage(target, sequence);
        }
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["timer"] = timerKey };
        step.Append(HistoryKinds.Timer, Actor.System.Id, timer.Id, state.Stage, target, data);
        if (moves)
        {
            step.CompleteIfTerminal();
        }
        step.Notify(timer.Notify, step.NotificationData(null));
        if (timer.Finding is { } finding)
        {
            step.Effects.Add(new OpenFinding(finding, state.Responsible,
                $"timer '{timer.Id}' ran out in stage '{state.Stage}' ({timer.After} from {Camel(timer.Anchor)})",
                [state.StageEntrySequence, sequence]));
        }
        return true;
    }

    private static bool FireEscalation(Step step, TimerKey key)
    {
        var state = step.State;
        var level = step.Definition.Escalation.FirstOrDefault(l => l.Level == key.Level);
        if (level is null || state.Clock is null)
        {
            return false;
        }
        var sequence = step.NextSequence;
        step.State = state with { FiredEscalations = [.. state.FiredEscalations, new FiredEscalation(key.Episode, level.Level, sequence)] };
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["level"] = level.Level.ToString(CultureInfo.InvariantCulture),
            ["at"] = Camel(level.At),
            ["episode"] = key.Episode.ToString(CultureInfo.InvariantCulture),
        };
        step.Append(HistoryKinds.Escalation, Actor.System.Id, $"escalation.{level.Level}", state.Stage, state.Stage, data);
        var notifyData = step.NotificationData(null);
        notifyData["level"] = data["level"];
        step.Notify(level.Notify, notifyData);
        if (level.Finding is { } finding)
        {
            var snapshot = step.Snapshot()!;
            step.Effects.Add(new OpenFinding(finding, state.Responsible,
                $"escalation level {level.Level} ({Camel(level.At)}{(level.After.Amount > 0 ? " + " + level.After : "")}) in stage '{state.Stage}'; promised deadline {Format(snapshot.Promised.Due)}",
                [state.StageEntrySequence, sequence]));
        }
        return true;
    }

    private static bool FireInaction(Step step, string timerKey)
    {
        var state = step.State;
        var sequence = step.NextSequence;
        step.State = state with { FiredTimers = [.. state.FiredTimers, timerKey] };
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["untouched_since"] = Format(state.LastTouchedAt),
            ["limit"] = step.Definition.Accountability.InactionAfter?.ToString() ?? "",
        };
        step.Append(HistoryKinds.Inaction, Actor.System.Id, "inaction", state.Stage, state.Stage, data);
        step.Effects.Add(new OpenFinding(FindingKind.Inaction, state.Responsible,
            $"case untouched in stage '{state.Stage}' since {Format(state.LastTouchedAt)} ({step.Definition.Accountability.InactionAfter})",
            [state.LastTouchSequence, sequence]));
        return true;
    }

    private static IReadOnlyDictionary<string, string> WithoutReserved(IReadOnlyDictionary<string, string> inputs)
    {
        if (!inputs.ContainsKey(InputNames.PriorVerifiedComplaints))
        {
            return inputs;
        }
        var kept = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
        kept.Remove(InputNames.PriorVerifiedComplaints);
        return kept;
    }

    private static List<string> ParseList(string text)
    {
        var items = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!items.Contains(part))
            {
                items.Add(part);
            }
        }
        return items;
    }

    private static PendingTimer? FindTimer(IReadOnlyList<PendingTimer> timers, string key)
    {
        for (var i = 0; i < timers.Count; i++)
        {
            if (timers[i].Key == key)
            {
                return timers[i];
            }
        }
        return null;
    }

    internal static string Format(DateTimeOffset? instant) =>
        instant?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "";

    private static string Camel(TimerAnchor anchor) => anchor switch
    {
        TimerAnchor.StageEntry => "stageEntry",
        TimerAnchor.Yellow => "yellow",
        TimerAnchor.Red => "red",
        _ => "statutoryRed",
    };
}
