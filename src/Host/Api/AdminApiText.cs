using System.Globalization;
using System.Resources;

namespace ServiceWindow.Host.Api;

/// The words of the calendar, definition and user endpoints, from `AdminApiTexts.resx` (zh-CN) and
/// `AdminApiTexts.en.resx`, in the request's culture.
public static class AdminApiText
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Api.AdminApiTexts", typeof(AdminApiText).Assembly);

    public static string Get(string key, params object[] arguments)
    {
        var format = Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return arguments.Length == 0 ? format : string.Format(CultureInfo.CurrentUICulture, format, arguments);
    }
}
