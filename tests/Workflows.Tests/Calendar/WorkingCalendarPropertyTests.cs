using ServiceWindow.Workflows.Calendar;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Calendar;

/// Seeded random checks against a day-by-day reference built straight from the published lists.
public sealed class WorkingCalendarPropertyTests
{
    private const int Seed = 20251001;
    private static readonly DateOnly RangeStart = new(2023, 1, 1);

    [Fact]
    public void AddWorkingDays_AgreesWithDayByDayCounting()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 2000; i++)
        {
            var from = RangeStart.AddDays(random.Next(0, 365 * 5));
            var days = random.Next(0, 121);

            var due = CnMainland.AddWorkingDays(from, days);

            Assert.True(ReferenceAdd(from, days) == due, $"{days} working days from {from:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void WorkingDaysBetween_GivesBackN_AfterAddingNWorkingDays()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < 2000; i++)
        {
            var from = RangeStart.AddDays(random.Next(0, 365 * 5));
            var days = random.Next(0, 121);

            Assert.Equal(days, CnMainland.WorkingDaysBetween(from, CnMainland.AddWorkingDays(from, days)));
        }
    }

    [Fact]
    public void AddWorkingDays_AlwaysLandsOnAWorkingDay_WhenAtLeastOneDay()
    {
        var random = new Random(Seed + 2);
        for (var i = 0; i < 2000; i++)
        {
            var from = RangeStart.AddDays(random.Next(0, 365 * 5));
            var due = CnMainland.AddWorkingDays(from, random.Next(1, 121));

            Assert.True(ReferenceIsWorking(due), $"{due:yyyy-MM-dd} from {from:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void AddWorkingDays_IsUndoneByNegativeDays_FromAWorkingDay()
    {
        var random = new Random(Seed + 3);
        for (var i = 0; i < 1000; i++)
        {
            var from = CnMainland.AddWorkingDays(RangeStart.AddDays(random.Next(0, 365 * 5)), 1);
            var days = random.Next(1, 121);

            Assert.Equal(from, CnMainland.AddWorkingDays(CnMainland.AddWorkingDays(from, days), -days));
        }
    }

    [Fact]
    public void IsWorkingDay_AgreesWithThePublishedLists_OnEveryDayOf2023To2028()
    {
        for (var date = RangeStart; date.Year <= 2028; date = date.AddDays(1))
        {
            Assert.True(ReferenceIsWorking(date) == CnMainland.IsWorkingDay(date), $"{date:yyyy-MM-dd}");
        }
    }

    private static readonly HashSet<DateOnly> Holidays = [.. CnMainland.Years.SelectMany(y => y.HolidayDates())];
    private static readonly HashSet<DateOnly> MakeUps = [.. CnMainland.Years.SelectMany(y => y.MakeUpWorkdays.Select(m => m.Date))];

    private static bool ReferenceIsWorking(DateOnly date) =>
        MakeUps.Contains(date) || (!Holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    private static DateOnly ReferenceAdd(DateOnly from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (ReferenceIsWorking(date))
            {
                days--;
            }
        }
        return date;
    }
}
