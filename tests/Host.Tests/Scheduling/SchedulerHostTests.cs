using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Scheduling;

[Collection(HostDatabase.Name)]
public sealed class SchedulerHostTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private static readonly Actor Clerk = Actor.Staff("wang.fang", "clerk");

    // The whole chain as deployed: Hangfire (PostgreSQL storage) runs the recurring sweep job, which
    // fires the referral's timers through the engine and commits their effects. The referral is
    // made by one host; the scheduler starts in a second host three days later, as after downtime.
    // Hangfire schedules by the system clock; only the application's clock is moved.
    [Fact]
    public async Task TimerSweepJob_FiresDueReferralTimers_WhenHostComesBackAfterTheDeadlines()
    {
        await fixture.LoadDemoOrganisationAsync();
        var referredAt = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));
        var caseId = Guid.NewGuid();
        await using (var desk = new ServiceWindowFactory(fixture.ConnectionString, clock: new ShiftedClock(referredAt)))
        {
            var commands = desk.Services.GetRequiredService<CaseCommands>();
            var opened = await commands.OpenAsync("inquiry-referral", caseId, new CaseCommand("log", Clerk, 0,
                new Dictionary<string, string> { ["channel"] = "phone", ["matter"] = "低保转移咨询", ["window"] = "marriage-1" }));
            await commands.ExecuteAsync(caseId, new CaseCommand("refer", Clerk, opened.Version,
                new Dictionary<string, string> { ["target_window"] = "assistance-1", ["contact"] = "0571-1234567" }));
        }

        await JobServerSettings.DropHangfireSchemaAsync(fixture.DataSource);
        await using var scheduler = new ServiceWindowFactory(fixture.ConnectionString, JobServerSettings.Fast(), new ShiftedClock(referredAt.AddDays(3)));
        _ = scheduler.Server;

        var stage = await WaitForAsync(async connection =>
            await connection.ExecuteScalarAsync<string>("select stage from cases where id = @caseId", new { caseId }), "lost");
        Assert.Equal("lost", stage);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "select count(*) from findings where case_id = @caseId and kind = 'lost_referral'", new { caseId }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from timers where case_id = @caseId", new { caseId }));
        var sent = await WaitForAsync(async c => await c.ExecuteScalarAsync<int>(
            "select count(*) from outbox where case_id = @caseId and template = 'referral.unacknowledged' and sent_at is not null", new { caseId }), 3);
        var pending = await connection.QueryAsync<string>(
            "select format('%s to %s: attempts %s, due %s, error %s', template, recipient, attempts, due_at, last_error) from outbox where sent_at is null");
        Assert.True(sent == 3, $"sent {sent} of 3; unsent: {string.Join("; ", pending)}");
    }

    private async Task<T> WaitForAsync<T>(Func<Npgsql.NpgsqlConnection, Task<T>> read, T expected)
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        // Generous: on an idle machine this takes about two seconds; only a failure waits the full minute.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        T value;
        do
        {
            value = await read(connection);
            if (EqualityComparer<T>.Default.Equals(value, expected))
            {
                return value;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        return value;
    }
}
