using Dapper;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Months;

[Collection(StoreDatabaseCollection.Name)]
public sealed class MonthlyCloseTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    [Theory]
    [InlineData("01:00 on the 1st in Shanghai is still the last day in UTC", "2025-03-31T17:00:00Z", "2025-03-01")]
    [InlineData("January closes December of the year before", "2025-01-01T01:00:00+08:00", "2024-12-01")]
    [InlineData("late on the 1st", "2025-06-01T23:00:00+08:00", "2025-05-01")]
    public void PreviousMonth_IsTheMonthBeforeInOfficeTime(string edge, string now, string expected)
    {
        Assert.True(MonthlyClose.PreviousMonth(DateTimeOffset.Parse(now)) == DateOnly.Parse(expected), edge);
    }

    [Fact]
    public async Task CloseAsync_RecordsOnceAndCountsTheMonth_WhenRunTwice()
    {
        var store = new CaseStore(database.DataSource);
        await store.CommitAsync(CaseChanges.NewCase(at: new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.Zero)));
        await store.CommitAsync(CaseChanges.NewCase(at: new DateTimeOffset(2025, 4, 2, 2, 0, 0, TimeSpan.Zero)));
        var close = new MonthlyClose(database.DataSource, new FakeTimeProvider(new DateTimeOffset(2025, 4, 1, 1, 0, 0, TimeSpan.FromHours(8))));

        var first = await close.CloseAsync(new DateOnly(2025, 3, 1));
        var second = await close.CloseAsync(new DateOnly(2025, 3, 1));

        Assert.Equal((true, false), (first, second));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select (snapshot ->> 'accepted')::int from month_closes where month = '2025-03-01'"));
    }

    [Fact]
    public async Task CloseAsync_Refuses_WhenMonthHasNotEnded()
    {
        var close = new MonthlyClose(database.DataSource, new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 12, 0, 0, TimeSpan.FromHours(8))));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => close.CloseAsync(new DateOnly(2025, 3, 1)));
    }
}
