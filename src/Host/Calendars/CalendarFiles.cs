using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Calendars;

/// Calendars live as `calendars/<id>.json` in the workflows folder; this is the only code that touches them.
public static partial class CalendarFiles
{
    public static string PathOf(IConfiguration configuration, string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"'{id}' is not a calendar id (lowercase letters, digits and dashes)", nameof(id));
        }
        return Path.Combine(HostConfiguration.WorkflowsPath(configuration), "calendars", id + ".json");
    }

    public static bool Exists(IConfiguration configuration, string id) => File.Exists(PathOf(configuration, id));

    /// Throws <see cref="CalendarFormatException"/> naming the file when its content is wrong.
    public static async Task<WorkingCalendar> LoadAsync(IConfiguration configuration, string id, CancellationToken cancellationToken)
    {
        var path = PathOf(configuration, id);
        return CalendarLoader.Load(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken), TimeZoneInfo.FindSystemTimeZoneById);
    }

    /// Writes beside the old file and renames it over, so a reader never sees half a calendar.
    public static async Task SaveAsync(IConfiguration configuration, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var path = PathOf(configuration, calendar.Id);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, CalendarWriter.ToJson(calendar), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
