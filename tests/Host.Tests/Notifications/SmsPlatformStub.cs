using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceWindow.Host.Tests.Notifications;

/// A stand-in SMS platform: Kestrel on 127.0.0.1 at a free port, recording every request and
/// answering with the status (after the delay) the test sets.
public sealed class SmsPlatformStub : IAsyncDisposable
{
    private readonly WebApplication app;

    private SmsPlatformStub(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }
    public ConcurrentQueue<Received> Requests { get; } = new();
    public int Status { get; set; } = StatusCodes.Status200OK;
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static async Task<SmsPlatformStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        SmsPlatformStub? stub = null;
        app.MapPost("/sms", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            stub!.Requests.Enqueue(new Received(body.ToArray(), request.ContentType,
                request.Headers["X-ServiceWindow-Timestamp"].ToString(), request.Headers["X-ServiceWindow-Signature"].ToString()));
            if (stub.Delay > TimeSpan.Zero)
            {
                await Task.Delay(stub.Delay);
            }
            return stub.Status is StatusCodes.Status302Found
                ? Results.Redirect("/elsewhere")
                : Results.StatusCode(stub.Status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub = new SmsPlatformStub(app, new Uri(new Uri(address), "/sms"));
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed record Received(byte[] Body, string? ContentType, string Timestamp, string Signature);
}
