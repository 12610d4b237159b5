using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>
/// Turns a definition file's text into a <see cref="WorkflowDefinition"/>, refusing a broken one. The
/// caller reads the file; this only parses the text it is handed (the file name is for messages).
/// </summary>
public static class DefinitionLoader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses and validates one definition.</summary>
    /// <exception cref="InvalidDefinitionException">The text is not a valid definition; every problem is listed.</exception>
    public static WorkflowDefinition Load(string fileName, string json)
    {
        var result = Parse(fileName, json);
        return result.Problems.Count == 0 && result.Definition is not null
            ? result.Definition
            : throw new InvalidDefinitionException(result.Problems);
    }

    /// <summary>
    /// Parses and validates one definition, returning every problem found. <see cref="DefinitionParseResult.Definition"/>
    /// is null when the text could not be read as a definition at all.
    /// </summary>
    // System.Text.Json ends its message with the position counted from 0; the problem names the line counted from 1.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }
        return cut < 0 ? message : message[..cut];
    }

    public static DefinitionParseResult Parse(string fileName, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(json);
        var reader = new DefinitionReader(fileName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            reader.Problem($"line {(e.LineNumber ?? 0) + 1}", $"not valid JSON: {WithoutPosition(e.Message)}");
            return new DefinitionParseResult(null, reader.Problems);
        }

        using (document)
        {
            var paths = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
            var definition = ReadDefinition(reader, paths, document.RootElement);
            if (definition is null)
            {
                return new DefinitionParseResult(null, reader.Problems);
            }
            var problems = new List<DefinitionProblem>(reader.Problems);
            problems.AddRange(DefinitionValidator.Validate(fileName, definition, paths));
            return new DefinitionParseResult(problems.Count == 0 ? definition : null, problems);
        }
    }

    private static WorkflowDefinition? ReadDefinition(DefinitionReader r, Dictionary<object, string> paths, JsonElement root)
    {
        const string path = "$";
        if (!r.IsObject(root, path))
        {
            return null;
        }
        r.RefuseUnknown(root, path, "id", "version", "name", "item", "warnings", "escalation", "accountability", "start", "stages", "outcomes");
        var id = r.String(root, "id", path);
        if (id is not null && !IsIdentifier(id, allowDash: true))
        {
            r.Problem("$.id", $"'{id}' must be lowercase letters, digits, '-' and '_'");
        }
        var version = r.PositiveInteger(root, "version", path);
        var name = r.Text(root, "name", path);
        var item = ReadItem(r, paths, root);
        var warnings = ReadWarnings(r, root);
        var escalation = r.Array(root, "escalation", path, (e, p) => ReadEscalation(r, paths, e, p));
        var accountability = ReadAccountability(r, root);
        var start = r.Array(root, "start", path, (e, p) => ReadAction(r, paths, e, p), required: true);
        var stages = r.Array(root, "stages", path, (e, p) => ReadStage(r, paths, e, p), required: true);
        var outcomes = r.Array(root, "outcomes", path, (e, p) =>
        {
            if (!r.IsObject(e, p))
            {
                return null;
            }
            r.RefuseUnknown(e, p, "id", "name");
            var outcomeId = r.String(e, "id", p);
            var outcomeName = r.Text(e, "name", p);
            return Track(paths, p, outcomeId is null || outcomeName is null ? null : new Outcome(outcomeId, outcomeName));
        }, required: true);

        if (id is null || version is null || name is null || item is null)
        {
            return null;
        }
        return new WorkflowDefinition(id, version.Value, name, item, warnings, escalation, accountability, start, stages, outcomes);
    }

    private static ServiceItemFacts? ReadItem(DefinitionReader r, Dictionary<object, string> paths, JsonElement root)
    {
        const string path = "$.item";
        if (r.Property(root, "item", "$", required: true) is not { } item || !r.IsObject(item, path))
        {
            return null;
        }
        r.RefuseUnknown(item, path, "kind", "statutoryLimit", "promisedLimit", "maximumExtension", "materials", "specialStages", "legalBasis");
        var kind = r.Enum<ItemKind>(item, "kind", path);
        var statutory = r.Limit(item, "statutoryLimit", path);
        var promised = r.Limit(item, "promisedLimit", path);
        var maximumExtension = r.Limit(item, "maximumExtension", path, required: false) ?? TimeLimit.Parse("0wd");
        var materials = r.Array(item, "materials", path, (e, p) =>
        {
            if (!r.IsObject(e, p))
            {
                return null;
            }
            r.RefuseUnknown(e, p, "id", "name");
            var materialId = r.String(e, "id", p);
            var materialName = r.Text(e, "name", p);
            return Track(paths, p, materialId is null || materialName is null ? null : new Material(materialId, materialName));
        });
        var specials = r.Array(item, "specialStages", path, (e, p) =>
        {
            if (!r.IsObject(e, p))
            {
                return null;
            }
            r.RefuseUnknown(e, p, "id", "name", "counts", "duration");
            var specialId = r.String(e, "id", p);
            var specialName = r.Text(e, "name", p);
            var counts = r.Boolean(e, "counts", p);
            var duration = r.Limit(e, "duration", p, required: false);
            return Track(paths, p, specialId is null || specialName is null || counts is null
                ? null
                : new SpecialStage(specialId, specialName, counts.Value, duration));
        });
        var legalBasis = r.String(item, "legalBasis", path);
        if (kind is null || statutory is null || promised is null || legalBasis is null)
        {
            return null;
        }
        return new ServiceItemFacts(kind.Value, statutory.Value, promised.Value, maximumExtension, materials, specials, legalBasis);
    }

    private static WarningThresholds ReadWarnings(DefinitionReader r, JsonElement root)
    {
        const string path = "$.warnings";
        var defaults = WarningThresholds.Default;
        if (r.Property(root, "warnings", "$", required: false) is not { } warnings || !r.IsObject(warnings, path))
        {
            return defaults;
        }
        r.RefuseUnknown(warnings, path, "yellowWorkingDays", "yellowPercentOfPromised");
        var days = r.Count(warnings, "yellowWorkingDays", path, 0, 3660) ?? defaults.YellowWorkingDays;
        var percent = r.Count(warnings, "yellowPercentOfPromised", path, 0, 100) ?? defaults.YellowPercentOfPromised;
        return new WarningThresholds(days, percent);
    }

    private static AccountabilitySettings ReadAccountability(DefinitionReader r, JsonElement root)
    {
        const string path = "$.accountability";
        if (r.Property(root, "accountability", "$", required: false) is not { } element || !r.IsObject(element, path))
        {
            return new AccountabilitySettings(null, SanctionLadder.Default);
        }
        r.RefuseUnknown(element, path, "inactionAfter", "sanctions");
        var inaction = r.Limit(element, "inactionAfter", path, required: false);
        var sanctions = new List<Sanction>();
        if (r.Property(element, "sanctions", path, required: false) is { } list)
        {
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                r.Problem($"{path}.sanctions", "must be a non-empty array of sanctions");
            }
            else
            {
                var index = 0;
                foreach (var entry in list.EnumerateArray())
                {
                    if (ReadEnumElement<Sanction>(r, entry, $"{path}.sanctions[{index}]") is { } sanction)
                    {
                        sanctions.Add(sanction);
                    }
                    index++;
                }
            }
        }
        return new AccountabilitySettings(inaction, sanctions.Count > 0 ? sanctions : SanctionLadder.Default);
    }

    private static EscalationLevel? ReadEscalation(DefinitionReader r, Dictionary<object, string> paths, JsonElement e, string path)
    {
        if (!r.IsObject(e, path))
        {
            return null;
        }
        r.RefuseUnknown(e, path, "level", "at", "after", "notify", "finding");
        var level = r.PositiveInteger(e, "level", path);
        var at = r.Enum<TimerAnchor>(e, "at", path);
        var after = r.Limit(e, "after", path, required: false) ?? TimeLimit.Parse("0wd");
        var notify = ReadNotifications(r, paths, e, path, "escalation");
        var finding = r.Enum<FindingKind>(e, "finding", path, required: false);
        return Track(paths, path, level is null || at is null ? null : new EscalationLevel(level.Value, at.Value, after, notify, finding));
    }

    private static StageDefinition? ReadStage(DefinitionReader r, Dictionary<object, string> paths, JsonElement e, string path)
    {
        if (!r.IsObject(e, path))
        {
            return null;
        }
        r.RefuseUnknown(e, path, "id", "name", "clock", "special", "outcome", "actions", "timers");
        var id = r.String(e, "id", path);
        var name = r.Text(e, "name", path);
        var clock = r.Enum<ClockMode>(e, "clock", path);
        var special = r.String(e, "special", path, required: false);
        var outcome = r.String(e, "outcome", path, required: false);
        var actions = r.Array(e, "actions", path, (a, p) => ReadAction(r, paths, a, p));
        var timers = r.Array(e, "timers", path, (t, p) => ReadTimer(r, paths, t, p));
        return Track(paths, path, id is null || name is null || clock is null
            ? null
            : new StageDefinition(id, name, clock.Value, special, outcome, actions, timers));
    }

    private static ActionDefinition? ReadAction(DefinitionReader r, Dictionary<object, string> paths, JsonElement e, string path)
    {
        if (!r.IsObject(e, path))
        {
            return null;
        }
        r.RefuseUnknown(e, path, "id", "kind", "roles", "inputs", "target", "handler", "notify");
        var id = r.String(e, "id", path);
        var kind = r.Enum<ActionKind>(e, "kind", path, required: false) ?? ActionKind.Move;
        var roles = r.Strings(e, "roles", path, required: true);
        if (roles.Count == 0 && r.Property(e, "roles", path, required: false) is not null)
        {
            r.Problem($"{path}.roles", "must name at least one role");
        }
        var inputs = r.Strings(e, "inputs", path);
        var target = r.String(e, "target", path, required: false);
        var handler = r.String(e, "handler", path, required: false);
        var notify = ReadNotifications(r, paths, e, path, id is null ? "action" : $"action.{id}");
        return Track(paths, path, id is null
            ? null
            : new ActionDefinition(id, kind, new HashSet<string>(roles, StringComparer.Ordinal), inputs, target, handler, notify));
    }

    private static TimerDefinition? ReadTimer(DefinitionReader r, Dictionary<object, string> paths, JsonElement e, string path)
    {
        if (!r.IsObject(e, path))
        {
            return null;
        }
        r.RefuseUnknown(e, path, "id", "from", "after", "target", "finding", "notify");
        var id = r.String(e, "id", path);
        var anchor = r.Enum<TimerAnchor>(e, "from", path, required: false) ?? TimerAnchor.StageEntry;
        var after = r.Limit(e, "after", path);
        var target = r.String(e, "target", path, required: false);
        var finding = r.Enum<FindingKind>(e, "finding", path, required: false);
        var notify = ReadNotifications(r, paths, e, path, id is null ? "timer" : $"timer.{id}");
        return Track(paths, path, id is null || after is null
            ? null
            : new TimerDefinition(id, anchor, after.Value, target, finding, notify));
    }

    /// `notify` holds recipients as strings (the template defaults to the action's, timer's or ladder's
    /// own) or `{ "to": ..., "template": ... }` objects.
    private static List<Notification> ReadNotifications(DefinitionReader r, Dictionary<object, string> paths, JsonElement e, string path, string defaultTemplate) =>
        r.Array(e, "notify", path, (n, p) =>
        {
            if (n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString()))
            {
                return Track(paths, p, new Notification(n.GetString()!, defaultTemplate));
            }
            if (n.ValueKind != JsonValueKind.Object)
            {
                r.Problem(p, "must be a recipient or an object with 'to' and 'template'");
                return null;
            }
            r.RefuseUnknown(n, p, "to", "template");
            var to = r.String(n, "to", p);
            var template = r.String(n, "template", p, required: false) ?? defaultTemplate;
            return Track(paths, p, to is null ? null : new Notification(to, template));
        });

    private static TEnum? ReadEnumElement<TEnum>(DefinitionReader r, JsonElement element, string path)
        where TEnum : struct, Enum
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString();
            foreach (var value in Enum.GetValues<TEnum>())
            {
                if (JsonNamingPolicy.CamelCase.ConvertName(value.ToString()) == text)
                {
                    return value;
                }
            }
        }
        var allowed = Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));
        r.Problem(path, $"must be one of: {string.Join(", ", allowed)}");
        return null;
    }

    private static T? Track<T>(Dictionary<object, string> paths, string path, T? value)
        where T : class
    {
        if (value is not null)
        {
            paths[value] = path;
        }
        return value;
    }

    internal static bool IsIdentifier(string text, bool allowDash)
    {
        foreach (var c in text)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' || (allowDash && c == '-')))
            {
                return false;
            }
        }
        return text.Length > 0;
    }
}
