using System.CommandLine;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Calendars;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Cli;

/// `servicewindow calendars import --calendar <id> <file> [--replace]`: adds a published year (holiday-cn JSON
/// or iCalendar) to a calendar file, refusing empty or self-contradicting years and, unless `--replace`,
/// changes to a year already in force. Prints what changed; exit 1 when refused. Then publishes the calendar
/// and queues the recomputation of provisional deadlines through the job storage, or says why it could not.
public sealed class CalendarsImportCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["calendars"];

    public Command Create(CliContext context)
    {
        var calendar = new Option<string>("--calendar")
        {
            Description = "The calendar id to add the years to (e.g. cn-mainland).",
            HelpName = "id",
            Required = true,
        };
        var replace = new Option<bool>("--replace") { Description = "Replace a year already in force when the file disagrees with it." };
        var file = new Argument<string>("file") { Description = "A holiday-cn JSON file or an iCalendar (.ics) file." };
        var command = new Command("import", "Adds the years a published holiday file brings to a calendar file.") { calendar, replace, file };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(calendar), parsed.GetRequiredValue(file),
            parsed.GetValue(replace), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string id, string file, bool replace, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new CliUsageException($"no such file: {file}");
        }
        var calendar = await DeadlineCommand.LoadCalendarAsync(context, id, cancellationToken);
        if (calendar is null)
        {
            return CliDispatcher.ProblemsFound;
        }
        var text = await File.ReadAllTextAsync(file, cancellationToken);
        CalendarImportOutcome outcome;
        try
        {
            outcome = CalendarFileImport.Apply(calendar, Path.GetFileName(file), text, replace);
        }
        catch (Exception e) when (e is CalendarFormatException or CalendarImportRefusedException)
        {
            context.Error.WriteLine($"servicewindow: import refused: {e.Message}");
            return CliDispatcher.ProblemsFound;
        }
        foreach (var note in outcome.Skipped)
        {
            context.Out.WriteLine($"{id}: skipped: {note}");
        }
        foreach (var change in outcome.Changes)
        {
            context.Out.WriteLine($"{id}: {change}");
        }
        if (!outcome.ChangesAnything)
        {
            context.Out.WriteLine($"{id}: nothing to write");
            return CliDispatcher.Done;
        }
        var before = (calendar, await File.ReadAllTextAsync(CalendarFiles.PathOf(context.Configuration, id), cancellationToken));
        await CalendarFiles.SaveAsync(context.Configuration, outcome.Calendar, cancellationToken);
        var updated = outcome.Calendar;
        context.Out.WriteLine($"{id}: wrote {CalendarFiles.PathOf(context.Configuration, id)} (covers {updated.FirstCoveredYear}-{updated.LastCoveredYear})");
        await PublishAsync(context, before, (updated, CalendarWriter.ToJson(updated)), cancellationToken);
        return CliDispatcher.Done;
    }

    // The file is written either way; the database learns of it here or when the service next starts.
    private static async Task PublishAsync(CliContext context, (WorkingCalendar, string) before, (WorkingCalendar Calendar, string Json) updated,
        CancellationToken cancellationToken)
    {
        if (context.Configuration.GetConnectionString(HostConfiguration.ConnectionStringName) is not { Length: > 0 } connectionString)
        {
            context.Error.WriteLine($"servicewindow: no database configured ({HostConfiguration.ConnectionStringVariable}): "
                + "provisional deadlines are recomputed and the running service takes up the calendar when it next starts");
            return;
        }
        await using var dataSource = Database.CreateDataSource(connectionString);
        try
        {
            await Database.EnsureReachableAsync(dataSource, cancellationToken);
            // Hangfire reads the job's type the way the service stores it.
            GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            var storage = new PostgreSqlStorage(new DataSourceConnectionFactory(dataSource),
                new PostgreSqlStorageOptions { SchemaName = SchedulerSetup.Schema, PrepareSchemaIfNecessary = true });
            var version = await CalendarPublication.PublishAsync(dataSource, new BackgroundJobClient(storage), before, updated, loadedBy: null,
                cancellationToken);
            context.Out.WriteLine($"{updated.Calendar.Id}: published as version {version}; the running service takes it up and recomputes provisional deadlines");
        }
        catch (DatabaseUnreachableException e)
        {
            context.Error.WriteLine($"servicewindow: {e.Message}: provisional deadlines are recomputed and the running service takes up the calendar when it next starts");
        }
    }
}
