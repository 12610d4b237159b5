using System;
using System.Collections.Generic;
using System.Linq;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>
/// The rules a definition must keep beyond its JSON shape: targets exist, every stage is reachable and
/// has a way out unless terminal, promised ≤ statutory, timers do something, recipients are known roles,
/// action kinds carry the inputs they need.
/// </summary>
public static class DefinitionValidator
{
    /// <summary>Inputs the engine reads for an action kind.</summary>
    public static IReadOnlyList<string> InputsFor(ActionKind kind) => kind switch
    {
        ActionKind.RequestSupplement => [InputNames.Materials],
        ActionKind.RequestExtension => [InputNames.Extension, InputNames.Reason],
        ActionKind.VerifyComplaint => [InputNames.Against],
        _ => [],
    };

    /// <summary>
    /// Every problem in <paramref name="definition"/>. <paramref name="paths"/> maps model objects to the JSON
    /// paths they were read from; without it, paths follow the model's own indices.
    /// </summary>
    public static IReadOnlyList<DefinitionProblem> Validate(string file, WorkflowDefinition definition, IReadOnlyDictionary<object, string>? paths = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(definition);
        paths ??= IndexPaths(definition);
        var problems = new List<DefinitionProblem>();
        void Problem(object? at, string suffix, string problem) =>
            problems.Add(new DefinitionProblem(file, (at is not null && paths.TryGetValue(at, out var p) ? p : "$") + suffix, problem));

        var item = definition.Item;
        CheckItem(definition, Problem);

        var stageIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in definition.Stages)
        {
            if (!stageIds.Add(stage.Id))
            {
                Problem(stage, ".id", $"duplicate stage id '{stage.Id}'");
            }
            if (!DefinitionLoader.IsIdentifier(stage.Id, allowDash: false))
            {
                Problem(stage, ".id", $"'{stage.Id}' must be lowercase letters, digits and '_'");
            }
        }
        var outcomeIds = Unique(definition.Outcomes, o => o.Id, "outcome", Problem);
        Unique(definition.Start, a => a.Id, "start action", Problem);

        if (definition.Start.Count == 0)
        {
            Problem(null, ".start", "needs at least one action that opens a case");
        }
        if (definition.Stages.Count == 0)
        {
            Problem(null, ".stages", "needs at least one stage");
        }
        foreach (var action in definition.Start)
        {
            CheckAction(definition, null, action, stageIds, Problem);
            if (action.Target is null)
            {
                Problem(action, ".target", $"start action '{action.Id}' must name the stage a new case enters");
            }
        }

        foreach (var stage in definition.Stages)
        {
            CheckStage(definition, stage, stageIds, outcomeIds, Problem);
        }

        CheckReachable(definition, Problem);
        CheckEscalation(definition, Problem);
        return problems;
    }

    private static void CheckItem(WorkflowDefinition definition, Action<object?, string, string> problem)
    {
        var item = definition.Item;
        if (item.PromisedLimit.Unit != item.StatutoryLimit.Unit)
        {
            problem(null, ".item.promisedLimit", $"promised limit {item.PromisedLimit} and statutory limit {item.StatutoryLimit} must use the same unit to be compared");
        }
        else if (item.PromisedLimit.Amount > item.StatutoryLimit.Amount)
        {
            problem(null, ".item.promisedLimit", $"promised limit {item.PromisedLimit} is above the statutory limit {item.StatutoryLimit}");
        }
        if (item.Kind == ItemKind.Immediate && item.PromisedLimit.Amount != 0)
        {
            problem(null, ".item.promisedLimit", $"an immediate item is due the same day: its promised limit must be 0wd, not {item.PromisedLimit}");
        }
        if (item.MaximumExtension.Amount > 0 && item.MaximumExtension.Unit != item.StatutoryLimit.Unit)
        {
            problem(null, ".item.maximumExtension", $"maximum extension {item.MaximumExtension} must use the statutory limit's unit ({item.StatutoryLimit})");
        }
        Unique(item.Materials, m => m.Id, "material", problem);
        Unique(item.SpecialStages, s => s.Id, "special stage", problem);
    }

    private static void CheckStage(
        WorkflowDefinition definition,
        StageDefinition stage,
        HashSet<string> stageIds,
        HashSet<string> outcomeIds,
        Action<object?, string, string> problem)
    {
        Unique(stage.Actions, a => a.Id, $"action in stage '{stage.Id}'", problem);
        Unique(stage.Timers, t => t.Id, $"timer in stage '{stage.Id}'", problem);
        foreach (var action in stage.Actions)
        {
            CheckAction(definition, stage, action, stageIds, problem);
        }
        foreach (var timer in stage.Timers)
        {
            CheckTimer(stage, timer, stageIds, problem);
        }

        if (stage.Outcome is not null)
        {
            if (!outcomeIds.Contains(stage.Outcome))
            {
                problem(stage, ".outcome", $"unknown outcome '{stage.Outcome}' (declare it in $.outcomes)");
            }
            if (stage.Actions.Count > 0 || stage.Timers.Count > 0)
            {
                problem(stage, ".actions", $"terminal stage '{stage.Id}' ends the case and may have no actions or timers");
            }
        }
        else if (!stage.Actions.Any(a => a.Target is not null && a.Target != stage.Id)
            && !stage.Timers.Any(t => t.Target is not null && t.Target != stage.Id))
        {
            problem(stage, "", $"stage '{stage.Id}' has no way out (no action or timer leads elsewhere) and is not terminal (give it an outcome)");
        }

        if (stage.Special is not null)
        {
            var special = definition.FindSpecialStage(stage.Special);
            if (special is null)
            {
                problem(stage, ".special", $"unknown special stage '{stage.Special}' (declare it in $.item.specialStages)");
            }
            else
            {
                var expected = special.Counts ? ClockMode.Running : ClockMode.Paused;
                if (stage.Clock != expected)
                {
                    problem(stage, ".clock", $"special stage '{special.Id}' {(special.Counts ? "counts" : "does not count")} toward the limit, so the clock must be '{expected.ToString().ToLowerInvariant()}'");
                }
            }
        }
    }

    private static void CheckAction(
        WorkflowDefinition definition,
        StageDefinition? stage,
        ActionDefinition action,
        HashSet<string> stageIds,
        Action<object?, string, string> problem)
    {
        foreach (var role in action.Roles)
        {
            if (!Roles.All.Contains(role))
            {
                problem(action, ".roles", $"unknown role '{role}' (known: {string.Join(", ", Roles.All)})");
            }
        }
        if (action.Target is not null && !stageIds.Contains(action.Target))
        {
            problem(action, ".target", $"unknown stage '{action.Target}'");
        }
        foreach (var needed in InputsFor(action.Kind))
        {
            if (!action.Inputs.Contains(needed))
            {
                problem(action, ".inputs", $"a '{Camel(action.Kind)}' action needs the input '{needed}'");
            }
        }
        if (action.Inputs.Contains(InputNames.PriorVerifiedComplaints))
        {
            problem(action, ".inputs", $"'{InputNames.PriorVerifiedComplaints}' is counted by the store, not asked of the caller");
        }
        if (action.Handler is not null && action.Handler != "actor" && !action.Inputs.Contains(action.Handler))
        {
            problem(action, ".handler", $"'{action.Handler}' must be 'actor' or one of the action's inputs");
        }
        if (action.Kind == ActionKind.RequestSupplement)
        {
            if (definition.Item.Materials.Count == 0)
            {
                problem(action, ".kind", "a supplement request needs the item's required materials ($.item.materials)");
            }
            if (action.Target is null || (definition.Stages.FirstOrDefault(s => s.Id == action.Target) is { } target && target.Clock != ClockMode.Paused))
            {
                problem(action, ".target", "a supplement request must lead to a stage whose clock is 'paused'");
            }
        }
        if (stage is null && action.Kind != ActionKind.Move)
        {
            problem(action, ".kind", "a start action only opens the case; use kind 'move'");
        }
        CheckRecipients(action.Notify, problem);
    }

    private static void CheckTimer(StageDefinition stage, TimerDefinition timer, HashSet<string> stageIds, Action<object?, string, string> problem)
    {
        if (timer.Target is null && timer.Finding is null && timer.Notify.Count == 0)
        {
            problem(timer, "", $"timer '{timer.Id}' has no target: give a target stage, a finding or recipients to notify");
        }
        if (timer.Target is not null && !stageIds.Contains(timer.Target))
        {
            problem(timer, ".target", $"unknown stage '{timer.Target}'");
        }
        if (timer.Anchor != TimerAnchor.StageEntry && stage.Clock != ClockMode.Running)
        {
            problem(timer, ".from", $"a timer counted from a deadline needs a running clock; stage '{stage.Id}' is '{stage.Clock.ToString().ToLowerInvariant()}'");
        }
        CheckRecipients(timer.Notify, problem);
    }

    private static void CheckEscalation(WorkflowDefinition definition, Action<object?, string, string> problem)
    {
        var previous = 0;
        foreach (var level in definition.Escalation)
        {
            if (level.Level <= previous)
            {
                problem(level, ".level", $"level {level.Level} must be above the previous level {previous} (each level once, in order)");
            }
            previous = Math.Max(previous, level.Level);
            if (level.At == TimerAnchor.StageEntry)
            {
                problem(level, ".at", "an escalation level counts from a warning: yellow, red or statutoryRed");
            }
            if (level.Notify.Count == 0 && level.Finding is null)
            {
                problem(level, "", $"escalation level {level.Level} notifies nobody and opens no finding");
            }
            CheckRecipients(level.Notify, problem);
        }
    }

    private static void CheckRecipients(IReadOnlyList<Notification> notifications, Action<object?, string, string> problem)
    {
        foreach (var notification in notifications)
        {
            var role = notification.To;
            var at = role.IndexOf('@');
            if (at >= 0)
            {
                role = role[..at];
            }
            if (!Roles.All.Contains(role) && role is not Roles.Applicant and not Roles.FirstInquiryOwner)
            {
                problem(notification, "", $"unknown role '{role}' (known: {string.Join(", ", Roles.All)}, {Roles.Applicant}, {Roles.FirstInquiryOwner})");
            }
        }
    }

    private static void CheckReachable(WorkflowDefinition definition, Action<object?, string, string> problem)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        void Reach(string? id)
        {
            if (id is not null && reached.Add(id))
            {
                queue.Enqueue(id);
            }
        }
        foreach (var action in definition.Start)
        {
            Reach(action.Target);
        }
        var byId = definition.Stages.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        while (queue.TryDequeue(out var id))
        {
            if (!byId.TryGetValue(id, out var stage))
            {
                continue;
            }
            foreach (var action in stage.Actions)
            {
                Reach(action.Target);
            }
            foreach (var timer in stage.Timers)
            {
                Reach(timer.Target);
            }
        }
        // A mistyped target already is a problem, and the stage it meant would follow as unreachable
        // (and everything after it): one typo, one problem.
        var targets = definition.Start.Select(a => a.Target)
            .Concat(definition.Stages.SelectMany(s => s.Actions.Select(a => a.Target).Concat(s.Timers.Select(t => t.Target))));
        if (targets.Any(t => t is not null && !byId.ContainsKey(t)))
        {
            return;
        }
        foreach (var stage in definition.Stages)
        {
            if (!reached.Contains(stage.Id))
            {
                problem(stage, "", $"stage '{stage.Id}' is unreachable from the start actions");
            }
        }
    }

    private static HashSet<string> Unique<T>(IEnumerable<T> items, Func<T, string> id, string what, Action<object?, string, string> problem)
        where T : notnull
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.Add(id(item)))
            {
                problem(item, ".id", $"duplicate {what} id '{id(item)}'");
            }
        }
        return seen;
    }

    private static string Camel(ActionKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static Dictionary<object, string> IndexPaths(WorkflowDefinition definition)
    {
        var paths = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        void Notifications(IReadOnlyList<Notification> list, string path)
        {
            for (var i = 0; i < list.Count; i++)
            {
                paths.TryAdd(list[i], $"{path}.notify[{i}]");
            }
        }
        void Actions(IReadOnlyList<ActionDefinition> list, string path)
        {
            for (var i = 0; i < list.Count; i++)
            {
                paths.TryAdd(list[i], $"{path}[{i}]");
                Notifications(list[i].Notify, $"{path}[{i}]");
            }
        }
        Actions(definition.Start, "$.start");
        for (var s = 0; s < definition.Stages.Count; s++)
        {
            var stage = definition.Stages[s];
            var path = $"$.stages[{s}]";
            paths.TryAdd(stage, path);
            Actions(stage.Actions, $"{path}.actions");
            for (var t = 0; t < stage.Timers.Count; t++)
            {
                paths.TryAdd(stage.Timers[t], $"{path}.timers[{t}]");
                Notifications(stage.Timers[t].Notify, $"{path}.timers[{t}]");
            }
        }
        for (var e = 0; e < definition.Escalation.Count; e++)
        {
            paths.TryAdd(definition.Escalation[e], $"$.escalation[{e}]");
            Notifications(definition.Escalation[e].Notify, $"$.escalation[{e}]");
        }
        for (var o = 0; o < definition.Outcomes.Count; o++)
        {
            paths.TryAdd(definition.Outcomes[o], $"$.outcomes[{o}]");
        }
        for (var m = 0; m < definition.Item.Materials.Count; m++)
        {
            paths.TryAdd(definition.Item.Materials[m], $"$.item.materials[{m}]");
        }
        for (var m = 0; m < definition.Item.SpecialStages.Count; m++)
        {
            paths.TryAdd(definition.Item.SpecialStages[m], $"$.item.specialStages[{m}]");
        }
        return paths;
    }
}
