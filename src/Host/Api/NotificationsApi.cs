using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Notifications;
using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Api;

/// The SMS platform's callbacks. They carry no user's credentials: the platform proves itself by
/// signing each request with the shared secret (<see cref="SmsSignature"/>), checked before
/// anything in the body is believed.
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").AllowAnonymous();
        group.MapPost("/{id:long}/delivery", RecordDeliveryAsync)
            .WithName("RecordDelivery")
            .WithSummary("Delivery report from the SMS platform for one message, signed like the messages it receives.");
        return app;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordDeliveryAsync(
        long id, HttpRequest request, DeliveryReports reports, IServiceProvider services, CancellationToken cancellationToken)
    {
        var culture = DeliveryCallbackText.CultureFor(request);
        if (await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "BodyTooLarge", culture, DeliveryReportRequest.MaxBodyBytes);
        }
        // Without a configured secret no report can be genuine.
        var signature = services.GetService<SmsSignature>();
        if (signature is null || !signature.Verify(Header(request, SmsSignature.TimestampHeader), Header(request, SmsSignature.SignatureHeader), body))
        {
            return Problem(StatusCodes.Status401Unauthorized, "SignatureRefused", culture);
        }
        if (DeliveryReportRequest.Parse(body, id, culture, out var errors) is not { } report)
        {
            return TypedResults.ValidationProblem(errors, title: DeliveryCallbackText.Get("InvalidBody.Title", culture));
        }
        return await reports.RecordAsync(id, report, cancellationToken) switch
        {
            DeliveryRecording.UnknownMessage => Problem(StatusCodes.Status404NotFound, "UnknownMessage", culture, id),
            _ => TypedResults.NoContent(),
        };
    }

    private static ProblemHttpResult Problem(int status, string text, CultureInfo culture, params object[] arguments) =>
        TypedResults.Problem(
            statusCode: status,
            title: DeliveryCallbackText.Get(text + ".Title", culture),
            detail: string.Format(culture, DeliveryCallbackText.Get(text + ".Detail", culture), arguments));

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    // The signature covers the exact bytes, so the body is read whole, up to a small cap.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > DeliveryReportRequest.MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > DeliveryReportRequest.MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
