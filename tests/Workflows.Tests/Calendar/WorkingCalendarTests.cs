using ServiceWindow.Workflows.Calendar;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    // Each official block of 2025 and 2026 (facts.md), with the working days either side of it.
    public static TheoryData<string, string, string, string, string> HolidayBlocks => new()
    {
        { "2025 元旦", "2025-01-01", "2025-01-01", "2024-12-31", "2025-01-02" },
        { "2025 春节 (make-up Sunday 01-26 before)", "2025-01-28", "2025-02-04", "2025-01-27", "2025-02-05" },
        { "2025 清明 (ends on a Sunday)", "2025-04-04", "2025-04-06", "2025-04-03", "2025-04-07" },
        { "2025 劳动节", "2025-05-01", "2025-05-05", "2025-04-30", "2025-05-06" },
        { "2025 端午 (starts on a Saturday)", "2025-05-31", "2025-06-02", "2025-05-30", "2025-06-03" },
        { "2025 国庆+中秋 (8 days)", "2025-10-01", "2025-10-08", "2025-09-30", "2025-10-09" },
        { "2026 元旦 (make-up Sunday right after)", "2026-01-01", "2026-01-03", "2025-12-31", "2026-01-04" },
        { "2026 春节 (9 days, make-up Saturday right before)", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-24" },
        { "2026 清明", "2026-04-04", "2026-04-06", "2026-04-03", "2026-04-07" },
        { "2026 劳动节", "2026-05-01", "2026-05-05", "2026-04-30", "2026-05-06" },
        { "2026 端午", "2026-06-19", "2026-06-21", "2026-06-18", "2026-06-22" },
        { "2026 中秋", "2026-09-25", "2026-09-27", "2026-09-24", "2026-09-28" },
        { "2026 国庆", "2026-10-01", "2026-10-07", "2026-09-30", "2026-10-08" },
    };

    [Theory]
    [MemberData(nameof(HolidayBlocks))]
    public void IsWorkingDay_False_OnEveryDayOfAHolidayBlock(string block, string first, string last, string before, string after)
    {
        for (var date = Date(first); date <= Date(last); date = date.AddDays(1))
        {
            Assert.False(CnMainland.IsWorkingDay(date), $"{block}: {date:yyyy-MM-dd}");
        }
        Assert.True(CnMainland.IsWorkingDay(Date(before)), block);
        Assert.True(CnMainland.IsWorkingDay(Date(after)), block);
    }

    [Theory]
    [MemberData(nameof(HolidayBlocks))]
    public void AddWorkingDays_JumpsTheBlock_WhenOneDayFromTheDayBefore(string block, string first, string last, string before, string after)
    {
        Assert.True(Date(first) <= Date(last));
        Assert.Equal(Date(after), CnMainland.AddWorkingDays(Date(before), 1));
        Assert.Equal(Date(before), CnMainland.AddWorkingDays(Date(after), -1));
        Assert.Equal(1, CnMainland.WorkingDaysBetween(Date(before), Date(after)));
        _ = block;
    }

    [Theory]
    [InlineData("2025-01-26", "Sunday", "2025 春节")]
    [InlineData("2025-02-08", "Saturday", "2025 春节")]
    [InlineData("2025-04-27", "Sunday", "2025 劳动节")]
    [InlineData("2025-09-28", "Sunday", "2025 国庆")]
    [InlineData("2025-10-11", "Saturday", "2025 国庆")]
    [InlineData("2026-01-04", "Sunday", "2026 元旦")]
    [InlineData("2026-02-14", "Saturday", "2026 春节")]
    [InlineData("2026-02-28", "Saturday", "2026 春节")]
    [InlineData("2026-05-09", "Saturday", "2026 劳动节")]
    [InlineData("2026-09-20", "Sunday", "2026 中秋")]
    [InlineData("2026-10-10", "Saturday", "2026 国庆")]
    public void IsWorkingDay_True_OnMakeUpWeekendDays(string date, string weekday, string holiday)
    {
        Assert.Equal(weekday, Date(date).DayOfWeek.ToString());
        Assert.True(CnMainland.IsWorkingDay(Date(date)), holiday);
        // The make-up day is the next working day after the Friday before it (or after the Friday two days back).
        var friday = Date(date).AddDays(Date(date).DayOfWeek == DayOfWeek.Saturday ? -1 : -2);
        if (CnMainland.IsWorkingDay(friday))
        {
            Assert.Equal(Date(date), CnMainland.AddWorkingDays(friday, 1));
        }
    }

    [Theory]
    [InlineData("2025-08-02", "an ordinary Saturday")]
    [InlineData("2025-08-03", "an ordinary Sunday")]
    [InlineData("2027-01-02", "a Saturday past the covered years")]
    [InlineData("2023-12-31", "a Sunday before the covered years")]
    public void IsWorkingDay_False_OnOrdinaryWeekends(string date, string edge) =>
        Assert.False(CnMainland.IsWorkingDay(Date(date)), edge);

    [Theory]
    [InlineData("2025-09-26", 5, "2025-10-10", "National Day with make-up Sunday 09-28")]
    [InlineData("2025-09-27", 1, "2025-09-28", "from a Saturday to the make-up Sunday")]
    [InlineData("2025-10-03", 1, "2025-10-09", "from inside a holiday block")]
    [InlineData("2025-09-28", 1, "2025-09-29", "from a make-up day")]
    [InlineData("2025-12-29", 5, "2026-01-06", "across the covered year boundary and 元旦 2026")]
    [InlineData("2026-12-28", 5, "2027-01-04", "into an uncovered year: weekends only, 2027-01-01 counts")]
    [InlineData("2023-12-28", 2, "2024-01-02", "from an uncovered year into 元旦 2024")]
    [InlineData("2025-10-09", -1, "2025-09-30", "backwards over a block")]
    [InlineData("2025-09-27", -1, "2025-09-26", "backwards from a Saturday to the Friday")]
    [InlineData("2025-10-03", 0, "2025-10-03", "zero days is the day itself")]
    public void AddWorkingDays_ReturnsExpectedDay(string from, int days, string expected, string edge) =>
        Assert.True(Date(expected) == CnMainland.AddWorkingDays(Date(from), days), $"{edge}: got {CnMainland.AddWorkingDays(Date(from), days):yyyy-MM-dd}");

    [Theory]
    [InlineData("2024-01-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2023-12-31", false)]
    [InlineData("2027-01-01", false)]
    public void Covers_OnlyThePublishedYears(string date, bool expected) =>
        Assert.Equal(expected, CnMainland.Covers(Date(date)));

    [Fact]
    public void Shipped_CoversPublishedYears_InShanghaiTime()
    {
        Assert.Equal("cn-mainland", CnMainland.Id);
        Assert.Equal(2024, CnMainland.FirstCoveredYear);
        Assert.Equal(2026, CnMainland.LastCoveredYear);
        Assert.Equal(TimeSpan.FromHours(8), CnMainland.TimeZone.GetUtcOffset(new DateTime(2026, 7, 1)));
        Assert.Equal(OfficeHours.Default, CnMainland.OfficeHours);
    }

    [Theory]
    [InlineData("2025-09-26T01:59:59Z", "2025-09-26", "morning in Shanghai")]
    [InlineData("2025-09-26T16:00:00Z", "2025-09-27", "UTC afternoon is already the next day in Shanghai")]
    [InlineData("2025-09-26T23:30:00+08:00", "2025-09-26", "late evening local")]
    [InlineData("1988-06-01T15:30:00Z", "1988-06-02", "daylight saving (+09:00) in 1988 puts 23:30 +08:00 past midnight")]
    public void LocalDate_ReadsTheInstantInTheCalendarZone(string instant, string expected, string edge) =>
        Assert.True(Date(expected) == CnMainland.LocalDate(Instant(instant)), edge);

    [Fact]
    public void OfficeOpenAndClose_AreLocalTimesWithTheZoneOffset()
    {
        Assert.Equal(Instant("2025-10-09T09:00:00+08:00"), CnMainland.OfficeOpen(Date("2025-10-09")));
        var close = CnMainland.OfficeClose(Date("2025-10-09"));
        Assert.Equal(Instant("2025-10-09T17:30:00+08:00"), close);
        Assert.Equal(TimeSpan.FromHours(8), close.Offset);
    }

    [Fact]
    public void WithYear_ReturnsNewCalendar_AndLeavesTheOriginalUntouched()
    {
        var year2027 = HolidayCnImporter.Parse("2027.json", Sample("holiday-cn-2027-made-up.json"));

        var extended = CnMainland.WithYear(year2027);

        Assert.Equal(2027, extended.LastCoveredYear);
        Assert.Equal(2026, CnMainland.LastCoveredYear);
        Assert.False(extended.IsWorkingDay(Date("2027-01-01")));
        Assert.True(CnMainland.IsWorkingDay(Date("2027-01-01")));
        Assert.True(extended.IsWorkingDay(Date("2027-02-20")));
    }

    [Fact]
    public void WithYear_Throws_WhenTheYearLeavesAGap()
    {
        var year = new CalendarYear(2029, [new Holiday("元旦", Date("2029-01-01"), Date("2029-01-01"))], []);

        var error = Assert.Throws<ArgumentException>(() => CnMainland.WithYear(year));
        Assert.Contains("consecutive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Throws_WhenEveryDayIsOff() =>
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            "x", Shanghai, Enum.GetValues<DayOfWeek>(), OfficeHours.Default, CnMainland.Years));
}
