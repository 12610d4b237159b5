using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Workflows.Tests.Support;

/// The shipped calendar, loaded once, plus small hand-built calendars for edge cases.
public static class Calendars
{
    private static readonly Lazy<WorkingCalendar> Shipped = new(() =>
        CalendarLoader.Load("cn-mainland.json", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calendars", "cn-mainland.json")), FindZone));

    public static WorkingCalendar CnMainland => Shipped.Value;

    public static TimeZoneInfo Shanghai { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// The zone resolver a host hands the calendar loader.
    public static TimeZoneInfo FindZone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendar", "Samples", name));
}
