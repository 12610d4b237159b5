using Hangfire;
using Npgsql;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Persistence.Calendars;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Calendars;

/// What an updated calendar file needs in the database, for the upload and for `calendars import`
/// alike: the calendar it replaces and the new one as the latest two versions (the recomputation
/// compares exactly those), then a recomputation queued for whichever server picks it up.
public static class CalendarPublication
{
    /// Returns the new version.
    public static async Task<int> PublishAsync(NpgsqlDataSource dataSource, IBackgroundJobClient jobs, (WorkingCalendar Calendar, string Json) before,
        (WorkingCalendar Calendar, string Json) updated, string? loadedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(jobs);
        var versions = new CalendarVersions(dataSource);
        // Unchanged when the calendar in force is already the latest version, as it is after a host start.
        await versions.PublishIfChangedAsync(before.Calendar, before.Json, cancellationToken);
        var version = await versions.PublishIfChangedAsync(updated.Calendar, updated.Json, loadedBy, cancellationToken);
        DeadlineRecomputeJob.Enqueue(jobs);
        return version;
    }
}
