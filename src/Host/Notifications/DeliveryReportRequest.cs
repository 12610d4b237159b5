using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Notifications;

/// Reads the body of `POST /api/v1/notifications/{id}/delivery`:
/// `{"messageId": 42, "status": "delivered" | "failed", "reportedAt": "2026-12-01T10:00:05+08:00", "detail": "…"}`.
/// The message id is repeated in the signed body, so a captured report cannot be replayed
/// against another message's address. Every problem is named by its JSON path.
public static partial class DeliveryReportRequest
{
    public const int MaxBodyBytes = 16 * 1024;

    public static DeliveryReport? Parse(byte[] body, long messageId, CultureInfo culture, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        errors = [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            errors["$"] = [DeliveryCallbackText.Get("NotAnObject", culture)];
            return null;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["$"] = [DeliveryCallbackText.Get("NotAnObject", culture)];
                return null;
            }
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var path = "$." + property.Name;
                if (property.Name is not ("messageId" or "status" or "reportedAt" or "detail"))
                {
                    Add(errors, path, DeliveryCallbackText.Get("UnknownField", culture));
                }
                else if (!fields.TryAdd(property.Name, property.Value))
                {
                    Add(errors, path, DeliveryCallbackText.Get("DuplicateField", culture));
                }
            }

            if (!fields.TryGetValue("messageId", out var id))
            {
                Add(errors, "$.messageId", DeliveryCallbackText.Get("Required", culture));
            }
            else if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var claimed) || claimed != messageId)
            {
                Add(errors, "$.messageId", string.Format(culture, DeliveryCallbackText.Get("MessageIdInvalid", culture), messageId));
            }

            DeliveryStatus? status = null;
            if (!fields.TryGetValue("status", out var statusField))
            {
                Add(errors, "$.status", DeliveryCallbackText.Get("Required", culture));
            }
            else
            {
                status = statusField.ValueKind == JsonValueKind.String
                    ? statusField.GetString() switch
                    {
                        "delivered" => DeliveryStatus.Delivered,
                        "failed" => DeliveryStatus.Failed,
                        _ => null,
                    }
                    : null;
                if (status is null)
                {
                    Add(errors, "$.status", DeliveryCallbackText.Get("StatusInvalid", culture));
                }
            }

            DateTimeOffset? reportedAt = null;
            if (!fields.TryGetValue("reportedAt", out var reportedField))
            {
                Add(errors, "$.reportedAt", DeliveryCallbackText.Get("Required", culture));
            }
            else
            {
                reportedAt = Instant(reportedField);
                if (reportedAt is null)
                {
                    Add(errors, "$.reportedAt", DeliveryCallbackText.Get("ReportedAtInvalid", culture));
                }
            }

            string? detail = null;
            if (fields.TryGetValue("detail", out var detailField) && detailField.ValueKind != JsonValueKind.Null)
            {
                detail = detailField.ValueKind == JsonValueKind.String ? detailField.GetString() : null;
                if (detail is null || detail.Length > DeliveryReport.MaxDetailLength)
                {
                    Add(errors, "$.detail", string.Format(culture, DeliveryCallbackText.Get("DetailInvalid", culture), DeliveryReport.MaxDetailLength));
                }
            }

            return errors.Count == 0 ? new DeliveryReport(status!.Value, reportedAt!.Value, detail) : null;
        }
    }

    // An instant needs its offset: a bare local time would be read in whatever zone the server runs.
    private static DateTimeOffset? Instant(JsonElement field) =>
        field.ValueKind == JsonValueKind.String && field.GetString() is { } text && IsoInstant().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value
            : null;

    private static void Add(Dictionary<string, string[]> errors, string path, string message) =>
        errors[path] = errors.TryGetValue(path, out var existing) ? [.. existing, message] : [message];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoInstant();
}
