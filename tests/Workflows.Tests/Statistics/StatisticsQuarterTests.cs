using ServiceWindow.Workflows.Statistics;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Statistics;

public sealed class StatisticsQuarterTests
{
    [Theory]
    [InlineData("2026-Q1", 2026, 1, "2026-01-01", "2026-03-01")] // the year's first quarter
    [InlineData("2026-Q4", 2026, 4, "2026-10-01", "2026-12-01")] // the last, ending with December
    [InlineData("2028-q1", 2028, 1, "2028-01-01", "2028-03-01")] // lower-case q; February of a leap year inside
    public void TryParse_ReadsTheQuarterAndItsMonths_WhenWrittenAsYearAndQ(string text, int year, int number, string first, string last)
    {
        Assert.True(StatisticsQuarter.TryParse(text, out var quarter));

        Assert.Equal((year, number), (quarter.Year, quarter.Number));
        Assert.Equal([DateOnly.Parse(first), DateOnly.Parse(first).AddMonths(1), DateOnly.Parse(last)], quarter.Months);
        Assert.Equal(text.ToUpperInvariant(), quarter.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-Q5")] // no fifth quarter
    [InlineData("2026-Q0")]
    [InlineData("2026-4")] // the Q is required
    [InlineData("2026Q4")]
    [InlineData("26-Q4")] // a four-digit year
    [InlineData("2026-Q4 ")]
    [InlineData("9999-Q4")] // its end would fall past the last date
    [InlineData("+026-Q4")]
    public void TryParse_Refuses_WhenTheTextIsNotAQuarter(string? text)
    {
        Assert.False(StatisticsQuarter.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-Q1")]
    [InlineData("2026-03-01", "2026-Q1")] // a quarter's last month
    [InlineData("2026-04-01", "2026-Q2")] // the next quarter's first
    [InlineData("2026-12-01", "2026-Q4")]
    public void Containing_NamesTheQuarterOfTheMonth_WhenAtItsEdges(string month, string expected)
    {
        Assert.Equal(expected, StatisticsQuarter.Containing(DateOnly.Parse(month)).ToString());
    }

    [Fact]
    public void StartAndEnd_AreMidnightInTheCalendarsZone_WhenTheQuarterIsCut()
    {
        var quarter = new StatisticsQuarter(2026, 4);

        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), quarter.Start(Calendars.CnMainland));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), quarter.End(Calendars.CnMainland));
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 5)]
    [InlineData(9999, 1)]
    public void Constructor_Throws_WhenTheQuarterCannotExist(int year, int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatisticsQuarter(year, number));
    }
}
