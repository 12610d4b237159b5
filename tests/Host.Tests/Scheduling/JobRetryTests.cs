using Dapper;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Scheduling;

[Collection(HostDatabase.Name)]
public sealed class JobRetryTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    // The sweep fails on every attempt (its table is away, as in a botched deploy); Hangfire retries
    // it twice, one second apart, and then shows it as failed. The failed runs rolled back, so the
    // timers are still there, untouched and due, and the next sweep fires them.
    [Fact]
    public async Task TimerSweepJob_IsRetriedThenFailed_AndItsTimersStayDue_WhenTheSweepKeepsThrowing()
    {
        await JobServerSettings.DropHangfireSchemaAsync(fixture.DataSource);
        await fixture.LoadDemoOrganisationAsync();
        var caseId = (await Referrals.MakeAsync(fixture.ConnectionString, 1)).Single();
        var later = new ShiftedClock(Referrals.ReferredAt.AddDays(3));
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var timersBefore = (await connection.QueryAsync<(string Key, DateTime DueAt, int Attempts)>(
            "select key, due_at, attempts from timers where case_id = @caseId order by key", new { caseId })).ToList();
        Assert.NotEmpty(timersBefore);
        await connection.ExecuteAsync("alter table timers rename to timers_away");
        string jobId;
        string? state;
        await using (var host = new ServiceWindowFactory(fixture.ConnectionString, JobServerSettings.Fast(
                         ("RetryAttempts", "2"), ("SweepInterval", "00:00:30")), later))
        {
            _ = host.Server;
            jobId = host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<TimerSweepJob>(job => job.RunAsync(CancellationToken.None));
            var storage = host.Services.GetRequiredService<JobStorage>();
            state = await Eventually.ReadAsync(fixture.DataSource, _ => Task.FromResult(StateOf(storage, jobId)),
                s => s == FailedState.StateName, TimeSpan.FromSeconds(30));
            using var storageConnection = storage.GetConnection();
            Assert.Equal("2", storageConnection.GetJobParameter(jobId, "RetryCount"));
            var failures = storage.GetMonitoringApi().JobDetails(jobId).History.Count(h => h.StateName == FailedState.StateName);
            Assert.Equal(3, failures);
        }
        var timersWhileFailed = (await connection.QueryAsync<(string Key, DateTime DueAt, int Attempts)>(
            "select key, due_at, attempts from timers_away where case_id = @caseId order by key", new { caseId })).ToList();
        await connection.ExecuteAsync("alter table timers_away rename to timers");

        Assert.Equal(FailedState.StateName, state);
        Assert.Equal(timersBefore, timersWhileFailed);
        Assert.All(timersWhileFailed, timer => Assert.True(timer.DueAt <= later.GetUtcNow().UtcDateTime));
        await using var desk = new ServiceWindowFactory(fixture.ConnectionString, clock: later);
        await ActivatorUtilities.CreateInstance<TimerSweepJob>(desk.Services).RunAsync(CancellationToken.None);
        Assert.Equal("lost", await connection.ExecuteScalarAsync<string>("select stage from cases where id = @caseId", new { caseId }));
    }

    private static string? StateOf(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }
}
