using System.Collections.Concurrent;
using Dapper;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Persistence.Outbox;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Scheduling;

// Two hosts, each with a Hangfire server, on one database: what the jobs do happens once.
[Collection(HostDatabase.Name)]
public sealed class TwoServerTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private const int Cases = 20;

    [Fact]
    public async Task Jobs_FireEveryTimerSendEveryMessageAndCloseTheMonthOnce_WhenTwoServersShareTheDatabase()
    {
        await JobServerSettings.DropHangfireSchemaAsync(fixture.DataSource);
        await fixture.LoadDemoOrganisationAsync();
        var caseIds = await Referrals.MakeAsync(fixture.ConnectionString, Cases);
        var sent = new ConcurrentBag<(string Server, long Message)>();

        await using var baseA = new ServiceWindowFactory(fixture.ConnectionString, JobServerSettings.Fast(), new ShiftedClock(Referrals.ReferredAt.AddDays(3)));
        await using var baseB = new ServiceWindowFactory(fixture.ConnectionString, JobServerSettings.Fast(), new ShiftedClock(Referrals.ReferredAt.AddDays(3)));
        await using var a = WithChannel(baseA, "a", sent);
        await using var b = WithChannel(baseB, "b", sent);
        _ = a.Server;
        _ = b.Server;
        // Both ask for the month close at the same moment, as two nodes would after a restart, once
        // the hosts (which register recurring jobs beside start-up) have declared it.
        await Eventually.ReadAsync(fixture.DataSource,
            c => c.ExecuteScalarAsync<int>("select count(*) from hangfire.set where key = 'recurring-jobs' and value = @id", new { id = MonthlyCloseJob.Id }),
            n => n == 1);
        await Task.WhenAll(
            Task.Run(() => a.Services.GetRequiredService<IRecurringJobManager>().Trigger(MonthlyCloseJob.Id)),
            Task.Run(() => b.Services.GetRequiredService<IRecurringJobManager>().Trigger(MonthlyCloseJob.Id)));

        var lost = await Eventually.ReadAsync(fixture.DataSource,
            c => c.ExecuteScalarAsync<int>("select count(*) from cases where stage = 'lost'"), n => n == Cases);
        await Eventually.ReadAsync(fixture.DataSource,
            c => c.ExecuteScalarAsync<int>("select count(*) from outbox where sent_at is null"), n => n == 0);
        await Eventually.ReadAsync(fixture.DataSource,
            c => c.ExecuteScalarAsync<int>("select count(*) from month_closes"), n => n > 0);
        // A few more sweeps and dispatches on both servers, which must find nothing left to do.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(Cases, lost);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.server"));
        var findings = (await connection.QueryAsync<Guid>("select case_id from findings where kind = 'lost_referral'")).ToList();
        Assert.Equal(caseIds.Order(), findings.Order());
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from timers"));
        Assert.Equal(3 * Cases, await connection.ExecuteScalarAsync<int>(
            "select count(*) from outbox where template = 'referral.unacknowledged'"));
        var messages = await connection.ExecuteScalarAsync<int>("select count(*) from outbox");
        Assert.Equal(messages, sent.Count);
        Assert.Equal(messages, sent.Select(s => s.Message).Distinct().Count());
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from month_closes"));
        Assert.Equal(new DateTime(2026, 2, 1), await connection.ExecuteScalarAsync<DateTime>("select month from month_closes"));
    }

    private static WebApplicationFactory<Program> WithChannel(ServiceWindowFactory factory, string server, ConcurrentBag<(string, long)> sent)
    {
        var channel = Substitute.For<INotificationChannel>();
        channel.SendAsync(Arg.Do<OutboxMessage>(m => sent.Add((server, m.Id))), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        return factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Replace(ServiceDescriptor.Singleton(channel))));
    }
}
