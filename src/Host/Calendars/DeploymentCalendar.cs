using Hangfire;
using Npgsql;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Persistence.Calendars;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Calendars;

/// The deployment's working calendar while the host runs, and the only code that replaces it: an
/// upload puts the new calendar in force at once; a calendar published elsewhere (another host,
/// `calendars import`) is taken up by <see cref="RefreshAsync"/>.
public sealed class DeploymentCalendar(FileWorkflowCatalog catalog, NpgsqlDataSource dataSource, IBackgroundJobClient jobs,
    IConfiguration configuration, ILogger<DeploymentCalendar> logger)
{
    // Two uploads at once would each apply their years to the same calendar and the later would drop the other's.
    private readonly SemaphoreSlim gate = new(1, 1);

    public WorkingCalendar Current => catalog.Calendar;

    /// Checks and applies a holiday file as `calendars import` does; writes nothing when it changes nothing.
    public async Task<CalendarUploadResult> UploadAsync(string fileName, string text, bool replace, int? onlyYear, string? uploadedBy,
        CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var before = (catalog.Calendar, catalog.CalendarJson);
            var outcome = CalendarFileImport.Apply(before.Calendar, fileName, text, replace, onlyYear);
            if (!outcome.ChangesAnything)
            {
                return new CalendarUploadResult(outcome, null);
            }
            var json = CalendarWriter.ToJson(outcome.Calendar);
            var version = await CalendarPublication.PublishAsync(dataSource, jobs, before, (outcome.Calendar, json), uploadedBy, cancellationToken);
            await CalendarFiles.SaveAsync(configuration, outcome.Calendar, CancellationToken.None);
            catalog.UseCalendar(outcome.Calendar, json);
            logger.LogInformation("Calendar {Calendar} version {Version} in force: {Changes}", outcome.Calendar.Id, version,
                string.Join("; ", outcome.Changes));
            return new CalendarUploadResult(outcome, version);
        }
        finally
        {
            gate.Release();
        }
    }

    /// Takes up the latest published version when it differs from the calendar in force.
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var latest = await new CalendarVersions(dataSource).LatestAsync(catalog.Calendar.Id, cancellationToken);
        if (latest is null)
        {
            return false;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            var json = CalendarWriter.ToJson(latest.Calendar);
            if (json == CalendarWriter.ToJson(catalog.Calendar))
            {
                return false;
            }
            catalog.UseCalendar(latest.Calendar, json);
            logger.LogInformation("Calendar {Calendar} version {Version} taken up (covers {First}-{Last})", latest.Calendar.Id, latest.Version,
                latest.Calendar.FirstCoveredYear, latest.Calendar.LastCoveredYear);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// The latest published version of the calendar in force, or null before any is published.
    public Task<PublishedCalendar?> LatestVersionAsync(CancellationToken cancellationToken) =>
        new CalendarVersions(dataSource).LatestAsync(catalog.Calendar.Id, cancellationToken);
}
