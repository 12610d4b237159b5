using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ServiceWindow.Host.Tests.Hostile;

/// Sends raw bytes where the API expects JSON, and checks what any refusal must look like.
public static class HostileRequests
{
    public const string IntakeJson =
        """{"item":"marriage-registration","window":"marriage-1","applicant":{"name":"张三","idNumber":"110101199003071233","phone":"13812345678"},"materialsReceived":["id_cards","declaration"],"inputs":{"party_a":"张三","party_b":"李四"}}""";

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(path, content);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostRawAsync(path, Encoding.UTF8.GetBytes(body), contentType);

    /// A refusal is a 4xx ProblemDetails in the request's language that shows nothing of the code behind it.
    public static async Task AssertRefusedAsync(this HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {Shorten(text)}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{what}: answered {response.Content.Headers.ContentType} instead of a problem");
        AssertNothingInternal(text, what);
    }

    public static void AssertNothingInternal(string text, string what)
    {
        foreach (var leak in new[] { "   at ", "Exception", "Npgsql", "ServiceWindow.", "stack" })
        {
            Assert.False(text.Contains(leak, StringComparison.Ordinal), $"{what}: the answer shows '{leak}': {Shorten(text)}");
        }
    }

    public static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
