using System.Globalization;
using System.Resources;

namespace ServiceWindow.Host.Api.Inquiries;

/// The words of the inquiries API from `InquiryTexts.resx` (zh-CN) and `InquiryTexts.en.resx`, in the request's culture.
public static class InquiryText
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Api.Inquiries.InquiryTexts", typeof(InquiryText).Assembly);

    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
