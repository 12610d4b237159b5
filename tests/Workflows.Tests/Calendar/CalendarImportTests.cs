using ServiceWindow.Workflows.Calendar;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Calendar;

public sealed class CalendarImportTests
{
    [Theory]
    [InlineData("holiday-cn-2025.json", 2025)]
    [InlineData("holiday-cn-2026.json", 2026)]
    public void HolidayCnParse_GivesTheShippedDates(string sample, int year)
    {
        var imported = HolidayCnImporter.Parse(sample, Sample(sample));

        Assert.True(imported.SameDates(CnMainland.Year(year)!));
        Assert.Equal(CnMainland.Year(year)!.Holidays.Select(h => (h.Name, h.From, h.To)), imported.Holidays.Select(h => (h.Name, h.From, h.To)));
        Assert.Contains("gov.cn", imported.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void HolidayCnParse_Refuses_AnUnpublishedYear()
    {
        var error = Assert.Throws<CalendarFormatException>(() =>
            HolidayCnImporter.Parse("2027.json", Sample("holiday-cn-2027-unpublished.json")));

        Assert.Contains("not published", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("2027.json: 2027", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"国庆节","date":"2025-10-01","isOffDay":false}""", "both a day off and a make-up workday", "a date both off and worked")]
    [InlineData("""{"name":"元旦","date":"2024-12-31","isOffDay":true}""", "is not in 2025", "a date from another year")]
    [InlineData("""{"name":"元旦","date":"2025-02-30","isOffDay":true}""", "not a date", "an impossible date")]
    [InlineData("""{"name":"元旦","date":"2025-01-01"}""", "expected name, date and isOffDay", "a missing flag")]
    public void HolidayCnParse_Refuses_ASelfContradictingYear(string extraDay, string problem, string edge)
    {
        var text = Sample("holiday-cn-2025.json").Replace("\"days\": [", "\"days\": [" + extraDay + ",", StringComparison.Ordinal);

        var error = Assert.Throws<CalendarFormatException>(() => HolidayCnImporter.Parse("2025.json", text));

        Assert.True(error.Message.Contains(problem, StringComparison.Ordinal), $"{edge}: {error.Message}");
    }

    [Theory]
    [InlineData("""{"year":"2027","days":[]}""", "a year written as text")]
    [InlineData("""{"year":2027.5,"days":[]}""", "a fractional year")]
    [InlineData("""{"year":null,"days":[]}""", "a null year")]
    [InlineData("""[2027]""", "an array instead of an object")]
    public void HolidayCnParse_RefusesAsAFormatProblem_WhenTheYearIsNotANumber(string text, string edge)
    {
        var error = Record.Exception(() => HolidayCnImporter.Parse("2027.json", text));

        Assert.True(error is CalendarFormatException { Message: var message } && message.Contains("needs a numeric year", StringComparison.Ordinal),
            $"{edge}: {error?.GetType().Name}: {error?.Message}");
    }

    [Fact]
    public void IcsParse_GivesTheSameDatesAsHolidayCn()
    {
        var years = IcsImporter.Parse("2026.ics", Sample("cn-mainland-2026.ics"));

        var year = Assert.Single(years);
        Assert.True(year.SameDates(HolidayCnImporter.Parse("2026.json", Sample("holiday-cn-2026.json"))));
        Assert.Equal(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"], year.Holidays.Select(h => h.Name));
    }

    [Fact]
    public void IcsParse_UnfoldsLongLines_AndReadsCategories()
    {
        const string text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20251001\r\nDTEND;VALUE=DATE:2025\r\n 1009\r\nSUMMARY:国庆节 假期\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250928\r\nSUMMARY:国庆节\r\nCATEGORIES:补班\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var year = Assert.Single(IcsImporter.Parse("folded.ics", text));

        Assert.Equal(8, year.HolidayDates().Count());
        Assert.Equal(Date("2025-09-28"), Assert.Single(year.MakeUpWorkdays).Date);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "no events", "an empty calendar")]
    [InlineData("hello", "not an iCalendar file", "not iCalendar at all")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20251001\r\nSUMMARY:国庆节 假期\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20251001\r\nSUMMARY:国庆节 补班\r\nEND:VEVENT\r\nEND:VCALENDAR", "both a day off and a make-up workday", "one date off and worked")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20251001\r\nDTEND;VALUE=DATE:20250930\r\nSUMMARY:国庆节 假期\r\nEND:VEVENT\r\nEND:VCALENDAR", "is before DTSTART", "an event ending before it starts")]
    public void IcsParse_Refuses_BadFiles(string text, string problem, string edge)
    {
        var error = Assert.Throws<CalendarFormatException>(() => IcsImporter.Parse("bad.ics", text));

        Assert.True(error.Message.Contains(problem, StringComparison.Ordinal), $"{edge}: {error.Message}");
        Assert.StartsWith("bad.ics: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AddsTheNextYear_AndReportsIt()
    {
        var year = HolidayCnImporter.Parse("2027.json", Sample("holiday-cn-2027-made-up.json"));

        var (calendar, changes) = CalendarImport.Apply(CnMainland, [year], replace: false);

        Assert.Equal(2027, calendar.LastCoveredYear);
        var change = Assert.Single(changes);
        Assert.Equal((2027, CalendarYearChangeKind.Added), (change.Year, change.Kind));
        Assert.Contains("10 days off in 2 blocks", change.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ReportsUnchanged_WhenAYearInForceIsImportedAgain()
    {
        var year = HolidayCnImporter.Parse("2025.json", Sample("holiday-cn-2025.json"));

        var (calendar, changes) = CalendarImport.Apply(CnMainland, [year], replace: false);

        Assert.Equal(CalendarYearChangeKind.Unchanged, Assert.Single(changes).Kind);
        Assert.Same(CnMainland, calendar);
    }

    [Fact]
    public void Apply_Refuses_AChangeToAYearInForce_WithoutReplace()
    {
        var changed = ChangedNationalDay();

        var error = Assert.Throws<CalendarImportRefusedException>(() => CalendarImport.Apply(CnMainland, [changed], replace: false));

        Assert.Contains("already in force", error.Message, StringComparison.Ordinal);
        Assert.Contains("days off added: 2025-10-09", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ReplacesAYearInForce_WhenAskedAndReportsTheDifference()
    {
        var (calendar, changes) = CalendarImport.Apply(CnMainland, [ChangedNationalDay()], replace: true);

        var change = Assert.Single(changes);
        Assert.Equal(CalendarYearChangeKind.Replaced, change.Kind);
        Assert.Equal(["days off added: 2025-10-09"], change.Details);
        Assert.False(calendar.IsWorkingDay(Date("2025-10-09")));
        Assert.True(CnMainland.IsWorkingDay(Date("2025-10-09")));
    }

    [Fact]
    public void Apply_Refuses_AYearThatLeavesAGap()
    {
        var year = new CalendarYear(2028, [new Holiday("元旦", Date("2028-01-01"), Date("2028-01-01"))], []);

        var error = Assert.Throws<CalendarImportRefusedException>(() => CalendarImport.Apply(CnMainland, [year], replace: false));

        Assert.Contains("does not follow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Refuses_AMakeUpDayOnAWeekday()
    {
        var year = new CalendarYear(2027, [new Holiday("元旦", Date("2027-01-01"), Date("2027-01-01"))], [new MakeUpWorkday("元旦", Date("2027-01-05"))]);

        var error = Assert.Throws<CalendarImportRefusedException>(() => CalendarImport.Apply(CnMainland, [year], replace: false));

        Assert.Contains("contradicts itself", error.Message, StringComparison.Ordinal);
    }

    private static CalendarYear ChangedNationalDay()
    {
        var text = Sample("holiday-cn-2025.json").Replace("\"days\": [", "\"days\": [{\"name\":\"国庆节、中秋节\",\"date\":\"2025-10-09\",\"isOffDay\":true},", StringComparison.Ordinal);
        return HolidayCnImporter.Parse("2025.json", text);
    }
}
