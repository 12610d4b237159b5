using Microsoft.Extensions.Localization;
using ServiceWindow.Host.Resources.Pages;

namespace ServiceWindow.Host.Pages.Cases;

/// Names for what definitions name only by id (inputs, actions) and for history kinds, from
/// CaseText.resx; an id the texts do not know yet shows as itself rather than as a resource key.
public static class CaseLabels
{
    public static string Input(IStringLocalizer<CaseText> text, string name) => Or(text["Input." + name], name);

    public static string Action(IStringLocalizer<CaseText> text, string id) => Or(text["Action." + id], id);

    public static string Timer(IStringLocalizer<CaseText> text, string id) => Or(text["Timer." + id], id);

    public static string Kind(IStringLocalizer<CaseText> text, string kind) => Or(text["Kind." + kind], kind);

    private static string Or(LocalizedString found, string fallback) => found.ResourceNotFound ? fallback : found.Value;
}
