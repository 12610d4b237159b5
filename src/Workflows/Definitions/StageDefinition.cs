using System.Collections.Generic;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>A stage of the workflow.</summary>
/// <param name="Id">Unique within the definition.</param>
/// <param name="Name">Display name.</param>
/// <param name="Clock">What the service clock does in this stage.</param>
/// <param name="Special">The special stage of the item this stage is, if any.</param>
/// <param name="Outcome">For a terminal stage, the outcome it records; null for a stage that goes on.</param>
/// <param name="Actions">Actions available in the stage.</param>
/// <param name="Timers">Timers running while the case sits in the stage.</param>
public sealed record StageDefinition(
    string Id,
    LocalizedText Name,
    ClockMode Clock,
    string? Special,
    string? Outcome,
    IReadOnlyList<ActionDefinition> Actions,
    IReadOnlyList<TimerDefinition> Timers)
{
    /// <summary>A terminal stage ends the case with its outcome.</summary>
    public bool IsTerminal => Outcome is not null;

    /// <summary>The action with this id, or null.</summary>
    public ActionDefinition? FindAction(string id)
    {
        foreach (var action in Actions)
        {
            if (action.Id == id)
            {
                return action;
            }
        }
        return null;
    }
}
