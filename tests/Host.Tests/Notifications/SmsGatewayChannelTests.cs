using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Notifications;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Tests.Notifications;

/// The SMS channel as the outbox dispatcher drives it, against a platform stub on a local port.
[Collection(HostDatabase.Name)]
public sealed class SmsGatewayChannelTests(HostDatabaseFixture database) : IAsyncLifetime
{
    private const string Secret = "channel-test-secret-0123456789";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 1772413200
    private static readonly Guid CaseId = Guid.Parse("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");
    private readonly FakeTimeProvider clock = new(Now);
    private SmsPlatformStub platform = null!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        platform = await SmsPlatformStub.StartAsync();
    }

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task DispatchAsync_PostsTheMessageOnceWithAValidSignature_WhenPlatformAccepts()
    {
        var id = await AddMessageAsync();

        var first = await Dispatcher().DispatchAsync();
        var second = await Dispatcher().DispatchAsync();

        Assert.Equal((1, 0), (first.Sent, second.Claimed));
        var request = Assert.Single(platform.Requests);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("1772413200", request.Timestamp);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
            Encoding.ASCII.GetBytes("1772413200.").Concat(request.Body).ToArray())), request.Signature);
        using var body = JsonDocument.Parse(request.Body);
        var json = body.RootElement;
        Assert.Equal(["messageId", "recipient", "text", "template", "caseId", "attempt"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, json.GetProperty("messageId").GetInt64());
        Assert.Equal("13800000000", json.GetProperty("recipient").GetString());
        Assert.Equal("【最低生活保障审核确认】您的申请已受理，承诺办结时间：2026年3月5日 17:30。", json.GetProperty("text").GetString());
        Assert.Equal("case.accepted", json.GetProperty("template").GetString());
        Assert.Equal(CaseId, json.GetProperty("caseId").GetGuid());
        Assert.Equal(1, json.GetProperty("attempt").GetInt32());
        Assert.Equal((1, true), await StateAsync(id));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(400)]
    [InlineData(302)] // a redirect is not followed: the POST would arrive somewhere else as a GET
    public async Task DispatchAsync_LeavesTheMessageDueForRetry_WhenPlatformAnswersOtherThan2xx(int status)
    {
        var id = await AddMessageAsync();
        platform.Status = status;

        var failed = await Dispatcher().DispatchAsync();

        Assert.Equal((1, 0), (failed.Retrying, failed.Sent));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(int Attempts, DateTime DueAt, bool Sent, bool Failed, string LastError)>(
            "select attempts, due_at, sent_at is not null, failed_at is not null, last_error from outbox where id = @id", new { id });
        // The outbox's back-off: 30 s after the first failed attempt.
        Assert.Equal((1, new DateTime(2026, 3, 2, 1, 0, 30, DateTimeKind.Utc), false, false), (row.Attempts, row.DueAt, row.Sent, row.Failed));
        Assert.Contains($"answered {status}", row.LastError);

        platform.Status = 200;
        clock.Advance(TimeSpan.FromSeconds(30));
        var retried = await Dispatcher().DispatchAsync();

        Assert.Equal(1, retried.Sent);
        Assert.Equal([id, id], platform.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("messageId").GetInt64()));
        Assert.Equal([1, 2], platform.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("attempt").GetInt32()));
        Assert.Equal((2, true), await StateAsync(id));
    }

    [Fact]
    public async Task DispatchAsync_LeavesTheMessageDueForRetry_WhenPlatformDoesNotAnswerInTime()
    {
        var id = await AddMessageAsync();
        platform.Delay = TimeSpan.FromSeconds(3);

        var result = await Dispatcher(timeout: "00:00:00.300").DispatchAsync();

        Assert.Equal((1, 0), (result.Retrying, result.Sent));
        Assert.Equal((1, false), await StateAsync(id));
        Assert.StartsWith("TimeoutException", await LastErrorAsync(id));
    }

    [Fact]
    public async Task DispatchAsync_LeavesTheMessageDueForRetry_WhenPlatformIsUnreachable()
    {
        var id = await AddMessageAsync();
        // A port that was free a moment ago and that nothing listens on now.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/sms");
        listener.Stop();

        var result = await Dispatcher(url: url).DispatchAsync();

        Assert.Equal((1, 0), (result.Retrying, result.Sent));
        Assert.Equal((1, false), await StateAsync(id));
        Assert.StartsWith("HttpRequestException", await LastErrorAsync(id));
    }

    private OutboxDispatcher Dispatcher(string timeout = "00:00:05", Uri? url = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServiceWindow:Notifications:Channel"] = "sms",
            ["ServiceWindow:Notifications:Sms:Url"] = (url ?? platform.Url).ToString(),
            ["ServiceWindow:Notifications:Sms:Secret"] = Secret,
            ["ServiceWindow:Notifications:Sms:Timeout"] = timeout,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IWorkflowCatalog>(new FileWorkflowCatalog(configuration));
        NotificationSetup.AddNotifications(services, configuration);
        var channel = services.BuildServiceProvider().GetRequiredService<INotificationChannel>();
        Assert.IsType<SmsGatewayChannel>(channel);
        return new OutboxDispatcher(database.DataSource, channel, clock);
    }

    private async Task<long> AddMessageAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            """
            insert into outbox (case_id, recipient, template, data, created_at, due_at)
            values (@caseId, '13800000000', 'case.accepted',
                    '{"definition": "minimum-living-allowance", "stage": "investigating", "promised_due": "2026-03-05T09:30:00Z"}', @now, @now)
            returning id
            """, new { caseId = CaseId, now = Now.UtcDateTime });
    }

    private async Task<(int Attempts, bool Sent)> StateAsync(long id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(int, bool)>("select attempts, sent_at is not null from outbox where id = @id", new { id });
    }

    private async Task<string> LastErrorAsync(long id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("select last_error from outbox where id = @id", new { id }) ?? "";
    }
}
