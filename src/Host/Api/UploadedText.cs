using System.Text;

namespace ServiceWindow.Host.Api;

/// A file sent as the request body (a holiday file, a definition): UTF-8 text without control
/// characters other than tabs and line breaks, or a problem recorded at `$`. The 1 MiB body cap
/// applies before this reads anything.
public static class UploadedText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string?> ReadAsync(HttpRequest request, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validation);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            validation.Add("$", AdminApiText.Get("upload.empty"));
            return null;
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            validation.Add("$", AdminApiText.Get("upload.encoding"));
            return null;
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            validation.Add("$", AdminApiText.Get("upload.control"));
            return null;
        }
        return text;
    }
}
