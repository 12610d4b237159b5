using ServiceWindow.Host.Scheduling;

namespace ServiceWindow.Host.Tests.Scheduling;

public sealed class JobCronTests
{
    [Theory]
    [InlineData("00:00:10", "*/10 * * * * *")] // the sweep's default
    [InlineData("00:00:15", "*/15 * * * * *")] // the outbox's default
    [InlineData("00:00:01", "*/1 * * * * *")] // tests
    [InlineData("00:01:00", "*/1 * * * *")] // a whole minute moves to the 5-field form
    [InlineData("00:30:00", "*/30 * * * *")]
    public void Every_ReturnsCron_WhenIntervalDividesTheMinuteOrHour(string interval, string cron) =>
        Assert.Equal(cron, JobCron.Every(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("00:00:07")] // does not divide a minute: */7 would run at :56 and again at :00
    [InlineData("00:00:00.500")] // below a second: no cron field for it
    [InlineData("00:00:00")]
    [InlineData("00:01:30")]
    [InlineData("01:00:00")] // an hour: out of the minute field's range
    public void Every_Throws_WhenIntervalHasNoEvenCron(string interval) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JobCron.Every(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));
}
