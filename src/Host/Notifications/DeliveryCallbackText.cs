using System.Globalization;
using System.Resources;
using Microsoft.Net.Http.Headers;

namespace ServiceWindow.Host.Notifications;

/// The words of the delivery callback's answers, from `DeliveryCallbackTexts.resx` (zh-CN) or
/// `DeliveryCallbackTexts.en.resx`, in the language the caller prefers (`Accept-Language`).
public static class DeliveryCallbackText
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Notifications.DeliveryCallbackTexts", typeof(DeliveryCallbackText).Assembly);
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Get(string name, CultureInfo culture) =>
        Texts.GetString(name, culture) ?? throw new InvalidOperationException($"no text '{name}' in DeliveryCallbackTexts");

    /// zh-CN unless the caller ranks English above Chinese.
    public static CultureInfo CultureFor(HttpRequest request)
    {
        IList<StringWithQualityHeaderValue> ranges;
        try
        {
            ranges = request.GetTypedHeaders().AcceptLanguage;
        }
        catch (FormatException)
        {
            return Chinese;
        }
        foreach (var range in ranges.OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? "";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }
        }
        return Chinese;
    }
}
