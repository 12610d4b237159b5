using System.Globalization;
using System.Resources;

namespace ServiceWindow.Host.Api.Findings;

/// The words of the findings API from `FindingTexts.resx` (zh-CN) and `FindingTexts.en.resx`, in the request's culture.
public static class FindingText
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Api.Findings.FindingTexts", typeof(FindingText).Assembly);

    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
