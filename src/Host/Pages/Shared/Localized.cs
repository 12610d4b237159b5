using System.Globalization;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Shared;

/// Picks the definition text in the visitor's language: Chinese unless English was chosen.
public static class Localized
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Text(LocalizedText text) => English ? text.En : text.Zh;

    public static string Text(string zh, string en) => English ? en : zh;
}
