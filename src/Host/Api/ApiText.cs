using System.Globalization;
using System.Resources;

namespace ServiceWindow.Host.Api;

/// The API's words from `ApiTexts.resx` (zh-CN) and `ApiTexts.en.resx`, in the request's culture
/// (set by request localization from `Accept-Language`).
public static class ApiText
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Api.ApiTexts", typeof(ApiText).Assembly);

    public static string Get(string key, params object[] arguments)
    {
        var format = Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return arguments.Length == 0 ? format : string.Format(CultureInfo.CurrentUICulture, format, arguments);
    }

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
