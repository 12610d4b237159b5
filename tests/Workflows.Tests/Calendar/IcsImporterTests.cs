using ServiceWindow.Workflows.Calendar;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Calendar;

public sealed class IcsImporterTests
{
    private const string Feed = "public-holidays-2024-2025.ics";

    private static string Ics(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + string.Concat(events.Select(e => "BEGIN:VEVENT\r\n" + e.Replace("|", "\r\n", StringComparison.Ordinal) + "\r\nEND:VEVENT\r\n")) + "END:VCALENDAR\r\n";

    [Fact]
    public void Read_GivesTheDatesInForce_ForAFeedInPublishersShapes()
    {
        var text = Sample(Feed);
        Assert.Contains("\r\n ", text, StringComparison.Ordinal);

        var result = IcsImporter.Read(Feed, text, Shanghai);

        Assert.Equal([2024, 2025], result.Years.Select(y => y.Year));
        Assert.True(result.Years[0].SameDates(CnMainland.Year(2024)!), "2024");
        Assert.True(result.Years[1].SameDates(CnMainland.Year(2025)!), "2025");
        Assert.Equal(3, result.Notes.Count);
        Assert.Contains(result.Notes, n => n.Contains("元宵节", StringComparison.Ordinal) && n.Contains("neither a day off nor a make-up workday", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("除夕", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("待定", StringComparison.Ordinal) && n.Contains("tentative", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_AddsTheYearTheFeedBrings_AndLeavesTheAgreeingYearInForceUnchanged()
    {
        var from2025 = new WorkingCalendar(CnMainland.Id, CnMainland.TimeZone, CnMainland.WeeklyDaysOff, CnMainland.OfficeHours,
            [CnMainland.Year(2025)!, CnMainland.Year(2026)!]);
        var years = IcsImporter.Read(Feed, Sample(Feed), Shanghai).Years;

        var (calendar, changes) = CalendarImport.Apply(from2025, years, replace: false);

        Assert.Equal(
            [(2024, CalendarYearChangeKind.Added), (2025, CalendarYearChangeKind.Unchanged)],
            changes.Select(c => (c.Year, c.Kind)));
        Assert.Equal((2024, 2026), (calendar.FirstCoveredYear, calendar.LastCoveredYear));
        Assert.True(calendar.IsWorkingDay(Date("2024-02-04")), "2024 make-up Sunday from a timed event");
        Assert.False(calendar.IsWorkingDay(Date("2024-02-16")), "2024 春节 day off");
    }

    // Each row: one event in a shape publishers use, and the days (off "-", worked "+") it must give.
    public static TheoryData<string, string, string[]> EventShapes => new()
    {
        { "timed make-up day, as in the feed the old import refused", "DTSTART:20250126T090000|DTEND:20250126T180000|SUMMARY:春节 补班", ["+2025-01-26"] },
        { "timed make-up day with TZID", "DTSTART;TZID=Asia/Shanghai:20250208T090000|DTEND;TZID=Asia/Shanghai:20250208T180000|SUMMARY:上班", ["+2025-02-08"] },
        { "timed event over midnight touches two days", "DTSTART:20251001T200000|DTEND:20251002T080000|SUMMARY:国庆节 假期", ["-2025-10-01", "-2025-10-02"] },
        { "timed event ending at midnight does not touch the next day", "DTSTART:20251001T000000|DTEND:20251002T000000|SUMMARY:国庆节 休", ["-2025-10-01"] },
        { "UTC times read in the office zone", "DTSTART:20250126T010000Z|DTEND:20250126T100000Z|SUMMARY:Make-up workday", ["+2025-01-26"] },
        { "all-day DTEND equal to DTSTART covers that day", "DTSTART;VALUE=DATE:20250101|DTEND;VALUE=DATE:20250101|SUMMARY:元旦 放假", ["-2025-01-01"] },
        { "all-day DTEND exclusive", "DTSTART;VALUE=DATE:20250404|DTEND;VALUE=DATE:20250407|SUMMARY:清明节 假期", ["-2025-04-04", "-2025-04-05", "-2025-04-06"] },
        { "all-day without DTEND", "DTSTART;VALUE=DATE:20250531|SUMMARY:Dragon Boat Festival (holiday)", ["-2025-05-31"] },
        { "TRANSP does not decide", "DTSTART;VALUE=DATE:20250602|DTEND;VALUE=DATE:20250603|TRANSP:OPAQUE|SUMMARY:端午节 假期", ["-2025-06-02"] },
        { "a make-up mark in the categories", "DTSTART;VALUE=DATE:20250928|SUMMARY:国庆节|CATEGORIES:补班", ["+2025-09-28"] },
    };

    [Theory]
    [MemberData(nameof(EventShapes))]
    public void Read_CoversTheDaysTheEventTouches(string edge, string vevent, string[] expected)
    {
        var result = IcsImporter.Read("shape.ics", Ics(vevent, "DTSTART;VALUE=DATE:20250101|SUMMARY:元旦 假期"), Shanghai);

        var year = Assert.Single(result.Years);
        var days = year.HolidayDates().Where(d => d != Date("2025-01-01")).Select(d => "-" + Iso(d))
            .Concat(year.MakeUpWorkdays.Select(m => "+" + Iso(m.Date)));
        var want = expected.Where(e => e != "-2025-01-01");
        Assert.True(want.Order().SequenceEqual(days.Order()), $"{edge}: got {string.Join(" ", days)}");
        Assert.Empty(result.Notes);
    }

    public static TheoryData<string, string, string> SkippedEvents => new()
    {
        { "an observance, no day off", "DTSTART;VALUE=DATE:20250212|SUMMARY:元宵节", "neither a day off nor a make-up workday" },
        { "tentative", "DTSTART;VALUE=DATE:20251009|STATUS:TENTATIVE|SUMMARY:国庆节 假期", "tentative" },
        { "cancelled", "DTSTART;VALUE=DATE:20251009|STATUS:CANCELLED|SUMMARY:国庆节 假期", "cancelled" },
    };

    [Theory]
    [MemberData(nameof(SkippedEvents))]
    public void Read_SkipsWithANote_WhenTheEventIsNoDayOffOrMakeUpWorkday(string edge, string vevent, string note)
    {
        var result = IcsImporter.Read("skip.ics", Ics("DTSTART;VALUE=DATE:20250101|SUMMARY:元旦 假期", vevent));

        Assert.Equal([Date("2025-01-01")], Assert.Single(result.Years).HolidayDates());
        Assert.True(Assert.Single(result.Notes).Contains(note, StringComparison.Ordinal), edge);
    }

    [Fact]
    public void Read_Refuses_WhenNoEventIsADayOffOrMakeUpWorkday()
    {
        var error = Assert.Throws<CalendarFormatException>(() => IcsImporter.Read("observances.ics", Ics("DTSTART;VALUE=DATE:20250212|SUMMARY:元宵节")));

        Assert.Contains("nothing to import", error.Message, StringComparison.Ordinal);
        Assert.Contains("元宵节", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DropsTheDaysOfAYearTheFileDoesNotPublish_WhenABlockStartsInDecember()
    {
        var result = IcsImporter.Read("2023.ics", Ics(
            "DTSTART;VALUE=DATE:20221231|DTEND;VALUE=DATE:20230103|SUMMARY:元旦 假期",
            "DTSTART;VALUE=DATE:20230405|SUMMARY:清明节 假期"));

        var year = Assert.Single(result.Years);
        Assert.Equal(2023, year.Year);
        Assert.Equal([Date("2023-01-01"), Date("2023-01-02"), Date("2023-04-05")], year.HolidayDates().Order());
        Assert.Contains("2022-12-31", Assert.Single(result.Notes), StringComparison.Ordinal);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
