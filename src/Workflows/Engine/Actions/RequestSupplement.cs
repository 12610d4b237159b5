using System;
using System.Collections.Generic;
using System.Linq;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Actions;

/// The one-time notice (一次性告知): every missing material in one list, each a required material of the
/// item. A later notice naming a material that was required all along but left off the earlier notices is a
/// multiple-notifications finding against the staff member who sent the first notice, citing every notice.
internal sealed class RequestSupplement : IActionRule
{
    public static RequestSupplement Instance { get; } = new();

    public bool Apply(Transition transition, ActionDefinition action, CaseCommand command, ActionRecord record)
    {
        var materials = ParseList(command.Inputs[InputNames.Materials]);
        var known = transition.Definition.Item.Materials;
        foreach (var material in materials)
        {
            if (!known.Any(m => m.Id == material))
            {
                throw new TransitionRefusedException(transition.State.Stage, action.Id, RefusalKind.InvalidInput,
                    $"'{material}' is not a required material of this item (known: {string.Join(", ", known.Select(m => m.Id))})");
            }
        }
        if (materials.Count == 0)
        {
            throw new TransitionRefusedException(transition.State.Stage, action.Id, RefusalKind.InvalidInput, "a supplement notice must list the missing materials");
        }
        var list = string.Join(",", materials);
        record.Data[InputNames.Materials] = list;
        record.NotifyData[InputNames.Materials] = list;

        var previous = transition.State.Data.Supplements;
        if (previous.Count > 0)
        {
            var listedBefore = new HashSet<string>(previous.SelectMany(p => p.Materials), StringComparer.Ordinal);
            var missedFirstTime = materials.Where(m => !listedBefore.Contains(m)).ToList();
            if (missedFirstTime.Count > 0)
            {
                var first = previous[0];
                record.Data["not_listed_before"] = string.Join(",", missedFirstTime);
                record.Findings.Add(new OpenFinding(FindingKind.MultipleNotifications, first.IssuedBy,
                    $"supplement notice {record.Sequence} names {string.Join(", ", missedFirstTime)}, required from the start but not listed in the first notice {first.Sequence}",
                    [.. previous.Select(p => p.Sequence), record.Sequence]));
            }
        }
        transition.State = transition.State with
        {
            Data = transition.State.Data with
            {
                Supplements = [.. previous, new SupplementNotice(record.Sequence, command.Actor.Id, transition.Now, materials)],
            },
        };
        return true;
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
}
