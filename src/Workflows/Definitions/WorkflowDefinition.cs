using System;
using System.Collections.Generic;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>
/// One version of a workflow: the service item's facts, its stages and actions, timers, warnings, the
/// escalation ladder and outcomes. Built by <see cref="DefinitionLoader"/>, which refuses broken ones.
/// A running case keeps the version it started on; a new version applies to new cases only.
/// </summary>
public sealed record WorkflowDefinition
{
    private readonly Dictionary<string, StageDefinition> stagesById;

    /// <summary>Creates a definition; use <see cref="DefinitionLoader"/> to get a validated one.</summary>
    public WorkflowDefinition(
        string id,
        int version,
        LocalizedText name,
        ServiceItemFacts item,
        WarningThresholds warnings,
        IReadOnlyList<EscalationLevel> escalation,
        AccountabilitySettings accountability,
        IReadOnlyList<ActionDefinition> start,
        IReadOnlyList<StageDefinition> stages,
        IReadOnlyList<Outcome> outcomes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(accountability);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(outcomes);
        Id = id;
        Version = version;
        Name = name;
        Item = item;
        Warnings = warnings;
        Escalation = escalation;
        Accountability = accountability;
        Start = start;
        Stages = stages;
        Outcomes = outcomes;
        stagesById = new Dictionary<string, StageDefinition>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            stagesById.TryAdd(stage.Id, stage);
        }
    }

    /// <summary>The definition's id, e.g. <c>minimum-living-allowance</c>.</summary>
    public string Id { get; }

    /// <summary>The version; (Id, Version) is unique in a catalogue.</summary>
    public int Version { get; }

    /// <summary>The workflow's name.</summary>
    public LocalizedText Name { get; }

    /// <summary>The service item's catalogue facts.</summary>
    public ServiceItemFacts Item { get; }

    /// <summary>When the yellow warning starts.</summary>
    public WarningThresholds Warnings { get; }

    /// <summary>The escalation ladder, in level order.</summary>
    public IReadOnlyList<EscalationLevel> Escalation { get; }

    /// <summary>Inaction timer and sanction ladder.</summary>
    public AccountabilitySettings Accountability { get; }

    /// <summary>The actions that open a case.</summary>
    public IReadOnlyList<ActionDefinition> Start { get; }

    /// <summary>The stages.</summary>
    public IReadOnlyList<StageDefinition> Stages { get; }

    /// <summary>The outcomes terminal stages may record.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; }

    /// <summary>The stage with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such stage.</exception>
    public StageDefinition Stage(string id) =>
        stagesById.TryGetValue(id, out var stage)
            ? stage
            : throw new KeyNotFoundException($"definition {Id} v{Version} has no stage '{id}'");

    /// <summary>The opening action with this id, or null.</summary>
    public ActionDefinition? FindStartAction(string id)
    {
        foreach (var action in Start)
        {
            if (action.Id == id)
            {
                return action;
            }
        }
        return null;
    }

    /// <summary>The special stage of the item with this id, or null.</summary>
    public SpecialStage? FindSpecialStage(string id)
    {
        foreach (var special in Item.SpecialStages)
        {
            if (special.Id == id)
            {
                return special;
            }
        }
        return null;
    }
}
