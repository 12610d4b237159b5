using System.Globalization;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Notifications;

/// Turns an outbox message (a template key and its data) into the words a person reads, from
/// `NotificationTexts.resx` (zh-CN) or `NotificationTexts.en.resx`. Names come from the definition
/// (item, stage, materials) and instants are shown in the calendar's time zone.
public sealed partial class NotificationText(IWorkflowCatalog catalog)
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Notifications.NotificationTexts", typeof(NotificationText).Assembly);

    public string Render(string template, string dataJson, CultureInfo culture)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentNullException.ThrowIfNull(culture);
        var data = JsonSerializer.Deserialize<Dictionary<string, string>>(dataJson) ?? [];
        // `action.refer` and `timer.referral_lost` fall back to their family's text, then to the generic one.
        var family = template.Split('.')[0];
        var format = Texts.GetString(template, culture) ?? Texts.GetString(family, culture) ?? Texts.GetString("generic", culture)!;
        var definition = Definition(data);
        var english = culture.TwoLetterISOLanguageName == "en";
        return Placeholder().Replace(format, match => Value(match.Groups[1].Value, data, definition, english));
    }

    private string Value(string name, Dictionary<string, string> data, WorkflowDefinition? definition, bool english)
    {
        string Pick(LocalizedText text) => english ? text.En : text.Zh;
        return name switch
        {
            "item" => definition is null ? data.GetValueOrDefault("definition", "—") : Pick(definition.Name),
            "stage" when definition?.Stages.FirstOrDefault(s => s.Id == data.GetValueOrDefault("stage")) is { } stage => Pick(stage.Name),
            "materials" when data.TryGetValue("materials", out var ids) => string.Join(english ? ", " : "、", ids.Split(',')
                .Select(id => definition?.Item.Materials.FirstOrDefault(m => m.Id == id) is { } material ? Pick(material.Name) : id)),
            "promised_due" when data.TryGetValue(name, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out var due) =>
                TimeZoneInfo.ConvertTime(due, catalog.Calendar.TimeZone).ToString(english ? "yyyy-MM-dd HH:mm" : "yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture),
            _ => data.GetValueOrDefault(name, "—"),
        };
    }

    private WorkflowDefinition? Definition(Dictionary<string, string> data)
    {
        try
        {
            return data.TryGetValue("definition", out var id) ? catalog.Latest(id) : null;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
