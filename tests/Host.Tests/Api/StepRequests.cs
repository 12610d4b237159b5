using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceWindow.Persistence.Timers;

namespace ServiceWindow.Host.Tests.Api;

/// Posting a step of an inquiry, complaint or finding, with the version it was taken from, and
/// firing the timers that are due on the session's clock (the scheduler is off in these tests).
public static class StepRequests
{
    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, string path, object? body = null, long? version = null,
        string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static async Task<SweepResult> SweepAsync(this ApiSession session)
    {
        var services = session.Factory.Services;
        var sweeper = new TimerSweeper(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<ITimerFiring>(), session.Clock);
        return await sweeper.SweepAsync();
    }
}
