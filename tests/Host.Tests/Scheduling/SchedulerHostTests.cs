using Dapper;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Scheduling;

[Collection(HostDatabase.Name)]
public sealed class SchedulerHostTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    // The whole chain as deployed: Hangfire (PostgreSQL storage) runs the recurring sweep job, which
    // fires the referral's timers through the engine and commits their effects. The referral is
    // made by one host; the scheduler starts in a second host three days later, as after downtime.
    // Hangfire schedules by the system clock; only the application's clock is moved.
    [Fact]
    public async Task TimerSweepJob_EscalatesOnce_WhenDeadlinesPassedWhileTheHostWasDown()
    {
        await fixture.LoadDemoOrganisationAsync();
        var referredAt = Referrals.ReferredAt;
        var caseId = (await Referrals.MakeAsync(fixture.ConnectionString, 1)).Single();

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
        // More sweeps and dispatches run on: nothing escalates or is sent a second time.
        var history = await connection.ExecuteScalarAsync<int>("select count(*) from case_history where case_id = @caseId", new { caseId });
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(history, await connection.ExecuteScalarAsync<int>("select count(*) from case_history where case_id = @caseId", new { caseId }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "select count(*) from findings where case_id = @caseId and kind = 'lost_referral'", new { caseId }));
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>(
            "select count(*) from outbox where case_id = @caseId and template = 'referral.unacknowledged'", new { caseId }));
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
