using Microsoft.Extensions.Localization;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Guide;

/// How the guide words an item's kind and its limits.
public static class GuideText
{
    public static string KindKey(ItemKind kind) => kind == ItemKind.Immediate ? "Kind.Immediate" : "Kind.Promised";

    public static string Limit(IStringLocalizer text, TimeLimit limit, ItemKind kind)
    {
        if (kind == ItemKind.Immediate && limit.Amount == 0)
        {
            return text["Limit.SameVisit"];
        }
        return limit.Unit switch
        {
            TimeLimitUnit.WorkingDays => text["Limit.WorkingDays", limit.Amount],
            TimeLimitUnit.CalendarDays => text["Limit.CalendarDays", limit.Amount],
            _ => text["Limit.WorkingHours", limit.Amount],
        };
    }
}
