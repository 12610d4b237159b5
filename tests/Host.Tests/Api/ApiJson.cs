using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceWindow.Host.Tests.Api;

/// Small helpers for reading answers and sending actions.
public static class ApiJson
{
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid caseId, string action, long version,
        object? inputs = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/actions/{action}")
        {
            Content = JsonContent.Create(inputs ?? new Dictionary<string, string>()),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> OpenAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static long Version(this JsonElement element) => element.GetProperty("version").GetInt64();

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();
}
