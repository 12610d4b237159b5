using System.Globalization;
using System.Resources;

namespace ServiceWindow.Host.Api.Complaints;

/// The words of the complaints API from `ComplaintTexts.resx` (zh-CN) and `ComplaintTexts.en.resx`, in the request's culture.
public static class ComplaintText
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Api.Complaints.ComplaintTexts", typeof(ComplaintText).Assembly);

    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
