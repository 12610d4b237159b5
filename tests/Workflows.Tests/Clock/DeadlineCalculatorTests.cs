using ServiceWindow.Workflows.Clock;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Clock;

public sealed class DeadlineCalculatorTests
{
    [Theory]
    [InlineData("2025-09-26T10:00:00+08:00", "5wd", "2025-10-10T17:30:00+08:00", "National Day block with make-up Sunday 09-28 inside the period")]
    [InlineData("2025-01-24T10:00:00+08:00", "2wd", "2025-01-27T17:30:00+08:00", "2025 春节: make-up Sunday 01-26 is the first day")]
    [InlineData("2025-01-24T10:00:00+08:00", "3wd", "2025-02-05T17:30:00+08:00", "2025 春节: the third day is after the block")]
    [InlineData("2026-02-13T10:00:00+08:00", "2wd", "2026-02-24T17:30:00+08:00", "2026 春节: make-up Saturday 02-14, then nine days off")]
    [InlineData("2026-04-30T10:00:00+08:00", "1wd", "2026-05-06T17:30:00+08:00", "2026 劳动节")]
    [InlineData("2026-05-08T10:00:00+08:00", "1wd", "2026-05-09T17:30:00+08:00", "2026 make-up Saturday 05-09")]
    [InlineData("2025-10-03T10:00:00+08:00", "1wd", "2025-10-09T17:30:00+08:00", "accepted on a holiday")]
    [InlineData("2025-09-28T10:00:00+08:00", "1wd", "2025-09-29T17:30:00+08:00", "accepted on a make-up Sunday, which is not counted")]
    [InlineData("2025-09-26T18:05:00+08:00", "1wd", "2025-09-28T17:30:00+08:00", "accepted after office close: the day is still not counted")]
    [InlineData("2025-12-29T10:00:00+08:00", "5wd", "2026-01-06T17:30:00+08:00", "across the year boundary and 元旦 2026 with make-up 01-04")]
    [InlineData("2025-09-26T01:00:00Z", "1wd", "2025-09-28T17:30:00+08:00", "a UTC start is read in Shanghai time")]
    public void Due_EndsAtOfficeCloseOfTheNthWorkingDay_WhenWorkingDays(string start, string limit, string expected, string edge) =>
        AssertDue(start, limit, expected, provisional: false, edge);

    [Theory]
    [InlineData("2025-09-26T10:00:00+08:00", "2025-09-26T17:30:00+08:00", "accepted in office hours: close of the same day")]
    [InlineData("2025-09-26T18:00:00+08:00", "2025-09-28T17:30:00+08:00", "accepted after close: the next working day, a make-up Sunday")]
    [InlineData("2025-09-26T17:30:00+08:00", "2025-09-28T17:30:00+08:00", "accepted exactly at close: the next working day")]
    [InlineData("2025-09-26T17:29:59+08:00", "2025-09-26T17:30:00+08:00", "accepted a second before close: the same day")]
    [InlineData("2025-10-03T10:00:00+08:00", "2025-10-03T17:30:00+08:00", "special opening on a National Day holiday: done in the same visit")]
    [InlineData("2025-09-27T10:00:00+08:00", "2025-09-27T17:30:00+08:00", "special opening on an ordinary Saturday: the same day")]
    [InlineData("2025-09-28T10:00:00+08:00", "2025-09-28T17:30:00+08:00", "on a make-up Sunday, a working day: the same day")]
    [InlineData("2025-10-03T18:00:00+08:00", "2025-10-09T17:30:00+08:00", "on a holiday after close: the first working day after the block")]
    [InlineData("2026-02-14T19:00:00+08:00", "2026-02-24T17:30:00+08:00", "after close on make-up Saturday 2026-02-14: past the nine-day 春节 block")]
    [InlineData("2025-09-26T07:30:00+08:00", "2025-09-26T17:30:00+08:00", "before opening: the same day")]
    public void Due_IsOfficeClose_WhenZeroWorkingDays(string start, string expected, string edge) =>
        AssertDue(start, "0wd", expected, provisional: false, edge);

    [Theory]
    [InlineData("2025-09-01T10:00:00+08:00", "30d", "2025-10-09T17:30:00+08:00", "day 30 is 10-01: moves past the National Day block")]
    [InlineData("2025-04-01T10:00:00+08:00", "30d", "2025-05-06T17:30:00+08:00", "day 30 is 05-01: moves past 劳动节")]
    [InlineData("2025-07-03T10:00:00+08:00", "30d", "2025-08-04T17:30:00+08:00", "day 30 is an ordinary Saturday: moves to Monday")]
    [InlineData("2025-08-29T10:00:00+08:00", "30d", "2025-09-28T17:30:00+08:00", "day 30 is a make-up Sunday: stays")]
    [InlineData("2026-01-02T10:00:00+08:00", "30d", "2026-02-02T17:30:00+08:00", "divorce cooling-off received on a holiday, day 30 a Sunday")]
    [InlineData("2025-06-10T10:00:00+08:00", "30d", "2025-07-10T17:30:00+08:00", "day 30 a working Thursday")]
    public void Due_MovesToTheNextWorkingDay_WhenCalendarDaysEndOnADayOff(string start, string limit, string expected, string edge) =>
        AssertDue(start, limit, expected, provisional: false, edge);

    [Theory]
    [InlineData("2025-09-26T11:00:00+08:00", "2wh", "2025-09-26T14:30:00+08:00", "across lunch")]
    [InlineData("2025-09-26T10:00:00+08:00", "2wh", "2025-09-26T12:00:00+08:00", "ends exactly at the lunch break: noon, not 13:30")]
    [InlineData("2025-09-26T12:15:00+08:00", "2wh", "2025-09-26T15:30:00+08:00", "started during lunch: counts from 13:30")]
    [InlineData("2025-09-25T17:00:00+08:00", "2wh", "2025-09-26T10:30:00+08:00", "overnight")]
    [InlineData("2025-09-30T16:30:00+08:00", "2wh", "2025-10-09T10:00:00+08:00", "overnight into an eight-day holiday")]
    [InlineData("2025-09-27T10:00:00+08:00", "2wh", "2025-09-28T11:00:00+08:00", "started on a Saturday: the make-up Sunday counts")]
    [InlineData("2025-09-26T07:00:00+08:00", "2wh", "2025-09-26T11:00:00+08:00", "started before opening")]
    [InlineData("2025-09-26T09:00:00+08:00", "7wh", "2025-09-26T17:30:00+08:00", "a full office day ends at close, not next morning")]
    [InlineData("2025-09-26T09:00:00+08:00", "8wh", "2025-09-28T10:00:00+08:00", "one hour into the next working day")]
    [InlineData("2025-09-26T10:20:00+08:00", "0wh", "2025-09-26T10:20:00+08:00", "zero hours in office hours is due at once")]
    [InlineData("2025-09-26T12:20:00+08:00", "0wh", "2025-09-26T13:30:00+08:00", "zero hours at lunch is due when the office reopens")]
    [InlineData("2025-09-26T10:15:45+08:00", "2wh", "2025-09-26T13:45:45+08:00", "seconds kept across lunch")]
    [InlineData("2025-09-26T11:59:59+08:00", "2wh", "2025-09-26T15:29:59+08:00", "one second before lunch")]
    [InlineData("2025-09-26T17:29:30+08:00", "1wh", "2025-09-28T09:59:30+08:00", "30 seconds before close, the rest on the make-up Sunday")]
    [InlineData("2025-09-26T10:20:30+08:00", "0wh", "2025-09-26T10:20:30+08:00", "zero hours keeps the seconds")]
    public void Due_CountsOnlyOfficeHours_WhenWorkingHours(string start, string limit, string expected, string edge) =>
        AssertDue(start, limit, expected, provisional: false, edge);

    [Theory]
    [InlineData("2026-12-28T10:00:00+08:00", "5wd", "2027-01-04T17:30:00+08:00", true, "into 2027: weekends only, 01-01 counted")]
    [InlineData("2026-12-28T10:00:00+08:00", "3wd", "2026-12-31T17:30:00+08:00", false, "ends on the last covered day")]
    [InlineData("2026-12-15T10:00:00+08:00", "30d", "2027-01-14T17:30:00+08:00", true, "calendar days into 2027")]
    [InlineData("2026-12-31T17:00:00+08:00", "2wh", "2027-01-01T10:30:00+08:00", true, "working hours overnight into 2027")]
    [InlineData("2027-03-01T10:00:00+08:00", "1wd", "2027-03-02T17:30:00+08:00", true, "wholly past the covered years")]
    public void Due_IsProvisional_WhenThePeriodLeavesTheCoveredYears(string start, string limit, string expected, bool provisional, string edge) =>
        AssertDue(start, limit, expected, provisional, edge);

    [Theory]
    [InlineData("9999-12-31T10:00:00+08:00", "1wd", "the next working day is past 9999-12-31")]
    [InlineData("9999-12-31T17:00:00+08:00", "2wh", "working hours run past 9999-12-31")]
    [InlineData("9999-12-15T10:00:00+08:00", "30d", "calendar days run past 9999-12-31")]
    [InlineData("9990-01-04T10:00:00+08:00", "3660wd", "the longest limit from near the end of the dates")]
    public void Due_ThrowsDeadlineOutOfRangeNamingTheCap_WhenTheDeadlineCannotBeRepresented(string start, string limit, string edge)
    {
        var error = Assert.Throws<DeadlineOutOfRangeException>(() => DeadlineCalculator.Due(CnMainland, Instant(start), TimeLimit.Parse(limit)));

        Assert.True(error.Message.Contains("3,660 units", StringComparison.Ordinal), edge);
        Assert.Contains(limit, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentOutOfRangeException>(error);
    }

    [Fact]
    public void Due_IsAtOfficeCloseOfAWorkingDay_ForRandomStartsAndLimits()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var start = Instant("2024-01-01T00:00:00+08:00").AddMinutes(random.Next(0, 60 * 24 * 365 * 3));
            var limit = TimeLimit.WorkingDays(random.Next(1, 61));

            var due = DeadlineCalculator.Due(CnMainland, start, limit);

            var dueDay = CnMainland.LocalDate(due.Due);
            Assert.True(CnMainland.IsWorkingDay(dueDay), $"{limit} from {start:O}");
            Assert.Equal(CnMainland.OfficeClose(dueDay), due.Due);
            Assert.Equal(limit.Amount, CnMainland.WorkingDaysBetween(CnMainland.LocalDate(start), dueDay));
            Assert.Equal(!CnMainland.Covers(dueDay), due.Provisional);
        }
    }

    [Fact]
    public void Due_DoesNotAllocate_ForWorkingDayLimits()
    {
        var start = Instant("2025-09-26T10:00:00+08:00");
        DeadlineCalculator.Due(CnMainland, start, TimeLimit.WorkingDays(5));
        var before = GC.GetAllocatedBytesForCurrentThread();

        for (var i = 1; i <= 60; i++)
        {
            DeadlineCalculator.Due(CnMainland, start.AddHours(i * 7), TimeLimit.WorkingDays(i));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertDue(string start, string limit, string expected, bool provisional, string edge)
    {
        var due = DeadlineCalculator.Due(CnMainland, Instant(start), TimeLimit.Parse(limit));

        Assert.True(Instant(expected) == due.Due && due.Due.Offset == TimeSpan.FromHours(8), $"{edge}: got {due.Due:O}");
        Assert.True(provisional == due.Provisional, $"{edge}: provisional {due.Provisional}");
    }
}
