using System;
using System.Collections.Generic;
using System.Linq;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine.Actions;
using ServiceWindow.Workflows.Engine.Timers;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// Runs cases on their definitions. Pure and stateless: (definition, calendar, state, command or timer,
/// now) in, (new state, history entries, effects) out. It never performs an effect and never reads a clock.
/// It only dispatches: each action kind's rule is one file in <c>Engine/Actions</c>, each timer kind's in
/// <c>Engine/Timers</c>, and what every transition shares is the internal <c>Transition</c>.
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
        StaffAction.Authorize(NewCaseStage, action, command);

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
        var transition = new Transition(definition, calendar, initial, now);
        StaffAction.Take(transition, action, command, HistoryKinds.Opened);
        return transition.Finish();
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
        StaffAction.Authorize(state.Stage, action, command);

        var transition = new Transition(definition, calendar, state, now);
        StaffAction.Take(transition, action, command, HistoryKinds.Action);
        return transition.Finish();
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
        if (TimerKey.Parse(timerKey) is not { } key || TimerRules.For(key.Kind) is not { } rule)
        {
            return new TransitionResult(state, [], []);
        }
        var transition = new Transition(definition, calendar, state, now);
        return rule.Fire(transition, key, timerKey) ? transition.Finish() : new TransitionResult(state, [], []);
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
        var transition = new Transition(definition, newCalendar, state, now);
        return CalendarChange.Apply(transition, oldCalendar, newCalendar) ? transition.Finish(reconcile: false) : new TransitionResult(state, [], []);
    }

    private static void CheckDefinition(WorkflowDefinition definition, CaseState state)
    {
        if (definition.Id != state.DefinitionId || definition.Version != state.DefinitionVersion)
        {
            throw new ArgumentException(
                $"case {state.Id} runs {state.DefinitionId} v{state.DefinitionVersion}, not {definition.Id} v{definition.Version}", nameof(definition));
        }
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
}
