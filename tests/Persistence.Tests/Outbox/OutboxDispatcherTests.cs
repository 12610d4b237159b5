using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Outbox;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Outbox;

[Collection(StoreDatabaseCollection.Name)]
public sealed class OutboxDispatcherTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private readonly CaseStore store = new(database.DataSource);
    private readonly FakeTimeProvider clock = new(CaseChanges.Start);

    [Fact]
    public async Task DispatchAsync_SendsEachMessageOnce_WhenRunTwice()
    {
        await OpenCaseNotifying("accepted", "rating-invitation");
        var channel = Substitute.For<INotificationChannel>();

        var first = await Dispatcher(channel).DispatchAsync();
        var second = await Dispatcher(channel).DispatchAsync();

        Assert.Equal((2, 0), (first.Sent, second.Claimed));
        await channel.Received(1).SendAsync(Arg.Is<OutboxMessage>(m => m.Template == "accepted"), Arg.Any<CancellationToken>());
        await channel.Received(1).SendAsync(Arg.Is<OutboxMessage>(m => m.Template == "rating-invitation"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DispatchAsync_RetriesAfterBackOff_WhenChannelFails()
    {
        await OpenCaseNotifying("accepted");
        var channel = Substitute.For<INotificationChannel>();
        channel.SendAsync(Arg.Any<OutboxMessage>(), Arg.Any<CancellationToken>())
            .Returns(_ => throw new HttpRequestException("gateway down"), _ => Task.CompletedTask);

        var failed = await Dispatcher(channel).DispatchAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        var tooEarly = await Dispatcher(channel).DispatchAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        var retried = await Dispatcher(channel).DispatchAsync();

        Assert.Equal((1, 0, 1), (failed.Retrying, tooEarly.Claimed, retried.Sent));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("select attempts from outbox where sent_at is not null"));
    }

    [Fact]
    public async Task DispatchAsync_GivesUp_WhenAttemptsAreExhausted()
    {
        await OpenCaseNotifying("accepted");
        var channel = Substitute.For<INotificationChannel>();
        channel.SendAsync(Arg.Any<OutboxMessage>(), Arg.Any<CancellationToken>()).Returns<Task>(_ => throw new HttpRequestException("bad number"));
        var options = new OutboxOptions { MaxAttempts = 3 };

        var results = new List<DispatchResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await new OutboxDispatcher(database.DataSource, channel, clock, options).DispatchAsync());
            clock.Advance(TimeSpan.FromHours(2));
        }

        Assert.Equal([0, 0, 1, 0, 0], results.Select(r => r.GivenUp));
        await channel.Received(3).SendAsync(Arg.Any<OutboxMessage>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DispatchAsync_NeverSendsAMessageTwice_WhenTwoDispatchersRunTogether()
    {
        for (var i = 0; i < 40; i++)
        {
            await OpenCaseNotifying("accepted", "supplement", "completed");
        }
        var sent = new ConcurrentBag<long>();
        var channel = new RecordingChannel(sent);
        var options = new OutboxOptions { BatchSize = 9 };
        await using var one = database.CreateDataSource("dispatcher-one");
        await using var two = database.CreateDataSource("dispatcher-two");

        await Task.WhenAll(
            Task.Run(() => new OutboxDispatcher(one, channel, clock, options).DispatchAsync()),
            Task.Run(() => new OutboxDispatcher(two, channel, clock, options).DispatchAsync()));
        await new OutboxDispatcher(database.DataSource, channel, clock, options).DispatchAsync();

        Assert.Equal(120, sent.Count);
        Assert.Equal(120, sent.Distinct().Count());
    }

    private OutboxDispatcher Dispatcher(INotificationChannel channel) => new(database.DataSource, channel, clock);

    private async Task OpenCaseNotifying(params string[] templates) =>
        await store.CommitAsync(CaseChanges.NewCase(notifications: templates.Select(t => new NotificationRow("13800000000", t, "{}")).ToList()));

    private sealed class RecordingChannel(ConcurrentBag<long> sent) : INotificationChannel
    {
        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            // A little latency, so the two dispatchers really overlap.
            await Task.Delay(1, cancellationToken);
            sent.Add(message.Id);
        }
    }
}
