using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Queries;

[Collection(StoreDatabaseCollection.Name)]
public sealed class CaseQueriesTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private readonly CaseStore store = new(database.DataSource);
    private readonly CaseQueries queries = new(database.DataSource);

    [Fact]
    public async Task QueueAsync_ReturnsTheNearestDeadlinesUpToTheLimit_WhenMoreCasesAreOpen()
    {
        // Case i is accepted i minutes after the start and promised five days later, so the
        // queue's order is the order of opening, and the last five opened are the ones left out.
        var ids = new List<Guid>();
        for (var i = 0; i < 205; i++)
        {
            var change = CaseChanges.NewCase(at: CaseChanges.Start.AddMinutes(i));
            await store.CommitAsync(change);
            ids.Add(change.Case.Id);
        }

        var queue = await queries.QueueAsync("handler-1");

        Assert.Equal(ids.Take(200), queue.Select(c => c.Id));
    }

    [Fact]
    public async Task QueueAsync_ReturnsEveryOpenCase_WhenFewerThanTheLimit()
    {
        var later = CaseChanges.NewCase(at: CaseChanges.Start.AddDays(1));
        var sooner = CaseChanges.NewCase(at: CaseChanges.Start);
        await store.CommitAsync(later);
        await store.CommitAsync(sooner);

        var queue = await queries.QueueAsync("handler-1");

        Assert.Equal([sooner.Case.Id, later.Case.Id], queue.Select(c => c.Id));
    }

    [Fact]
    public async Task QueueAsync_MergesHandledCasesAndUnhandledOnesTheyFirstReceived_InDeadlineOrder()
    {
        // Three cases, promised in 5, 6 and 7 days: the first and last handled by handler-1, the
        // middle one without a handler yet, first received by handler-1; and one handled by someone else.
        var soon = CaseChanges.NewCase(at: CaseChanges.Start);
        var unhandled = CaseChanges.NewCase(at: CaseChanges.Start.AddDays(1), handler: null, firstOwner: "handler-1");
        var late = CaseChanges.NewCase(at: CaseChanges.Start.AddDays(2));
        var others = CaseChanges.NewCase(at: CaseChanges.Start.AddDays(1), handler: "handler-2");
        foreach (var change in new[] { late, others, unhandled, soon })
        {
            await store.CommitAsync(change);
        }

        var queue = await queries.QueueAsync("handler-1");

        Assert.Equal([soon.Case.Id, unhandled.Case.Id, late.Case.Id], queue.Select(c => c.Id));
    }

    [Fact]
    public async Task WindowExistsAsync_AsksTheStoreAgain_OnlyForAWindowItDidNotFind()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection,
            "insert into departments (id, name_zh, name_en) values ('d-q', '科', 'Section')");
        await Dapper.SqlMapper.ExecuteAsync(connection,
            "insert into windows (id, department_id, name_zh, name_en) values ('w-found', 'd-q', '窗口', 'Window')");

        var found = await queries.WindowExistsAsync("w-found");
        var missing = await queries.WindowExistsAsync("w-later");
        await Dapper.SqlMapper.ExecuteAsync(connection, "delete from windows where id = 'w-found'");
        await Dapper.SqlMapper.ExecuteAsync(connection,
            "insert into windows (id, department_id, name_zh, name_en) values ('w-later', 'd-q', '新窗口', 'New window')");

        // Windows are never removed in the product: the one found stays found without a query.
        Assert.True(found);
        Assert.True(await queries.WindowExistsAsync("w-found"));
        Assert.False(missing);
        Assert.True(await queries.WindowExistsAsync("w-later"));
    }
}
