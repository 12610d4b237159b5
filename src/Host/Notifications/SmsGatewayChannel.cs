using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Notifications;

/// Hands each message to the SMS platform: one signed JSON POST to the configured address. Only a
/// 2xx answer counts as sent; any other answer, a timeout or an unreachable platform throws, and
/// the outbox retries later with the same message id, on which the platform deduplicates.
public sealed class SmsGatewayChannel(
    IHttpClientFactory clients, SmsGatewayOptions options, SmsSignature signature, NotificationText text, CultureInfo culture) : INotificationChannel
{
    public const string HttpClientName = "sms-gateway";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = options.Url ?? throw new InvalidOperationException($"{SmsGatewayOptions.Section}:Url is not configured");
        var body = JsonSerializer.SerializeToUtf8Bytes(new SmsGatewayMessage(
            message.Id, message.Recipient, text.Render(message.Template, message.DataJson, culture), message.Template, message.CaseId, message.Attempt), Json);
        var timestamp = signature.Timestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add(SmsSignature.TimestampHeader, timestamp);
        request.Headers.Add(SmsSignature.SignatureHeader, signature.Sign(timestamp, body));
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own timeout shows as a cancellation; to the dispatcher that would mean
            // "stop", so it is reported as the failed attempt it is.
            throw new TimeoutException($"the SMS platform did not answer within {options.Timeout.TotalSeconds:0.###} s", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"the SMS platform answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            }
        }
    }
}
