using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Deadlines;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Persistence.Timers;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Cases;

/// Every column of `cases` is written by every write path. The columns come from the schema, not
/// from a list kept here, so a column added without a writer fails these tests.
[Collection(StoreDatabaseCollection.Name)]
public sealed class CaseRowTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    // Set once, when the case is opened; an update never changes them.
    private static readonly string[] SetAtIntake = ["id", "definition_id", "created_at"];

    private static readonly DateTimeOffset Opened = CaseChanges.Start;
    private static readonly DateTimeOffset Changed = CaseChanges.Start.AddDays(2);

    private readonly CaseStore store = new(database.DataSource);
    private readonly FakeTimeProvider clock = new(CaseChanges.Start.AddDays(2));

    [Fact]
    public async Task IntakeStatement_WritesEveryColumn_WhenEveryFieldIsSet()
    {
        await SeedWindowsAsync();
        var id = Guid.NewGuid();
        var row = new CaseRow(id, "item-a", 1, "closed", 1, 1, """{"stage":"closed"}""")
        {
            ServiceItemCode = "item-a",
            WindowId = "window-1",
            FirstInquiryOwner = "clerk-1",
            HandlerId = "handler-1",
            AcceptedAt = Opened,
            PromisedDeadline = Opened.AddDays(5),
            StatutoryDeadline = Opened.AddDays(10),
            DeadlinesProvisional = true,
            WarningLevel = "yellow",
            ReceiptNumber = "R-1",
            LookupSecretHash = "secret-hash-1",
            CompletedAt = Opened,
        };

        await store.CommitAsync(new CaseChange(row, 0, Opened) { History = [Entry(1, Opened)] });

        var written = await ColumnsAsync(id);
        Assert.Equal(await SchemaColumnsAsync(), written.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(written.Where(c => c.Value.ValueKind == JsonValueKind.Null).Select(c => c.Key));
    }

    [Theory]
    [InlineData("command update")]
    [InlineData("sweep batch")]
    [InlineData("deadline recomputation")]
    public async Task WritePath_WritesEveryColumn_WhenAnExistingCaseChanges(string path)
    {
        await SeedWindowsAsync();
        var opening = OpenProvisionalCase();
        await store.CommitAsync(opening);
        var before = await ColumnsAsync(opening.Case.Id);
        var change = ChangeEveryField(CaseChanges.Stored(opening) with { WindowId = "window-1" });

        switch (path)
        {
            case "command update":
                await store.CommitAsync(change);
                break;
            case "sweep batch":
                Assert.Equal(1, (await new TimerSweeper(database.DataSource, new FixedFiring(change), clock).SweepAsync()).Fired);
                break;
            case "deadline recomputation":
                Assert.Equal(1, await new ProvisionalDeadlineSweep(database.DataSource, new FixedRecomputation(change), clock).RunAsync());
                break;
        }

        var after = await ColumnsAsync(opening.Case.Id);
        var unchanged = (await SchemaColumnsAsync())
            .Except(SetAtIntake)
            .Where(c => JsonElement.DeepEquals(before[c], after[c]) || after[c].ValueKind == JsonValueKind.Null);
        Assert.Empty(unchanged);
    }

    // Open, provisional and with a timer due, so the sweep and the recomputation both pick it up.
    private static CaseChange OpenProvisionalCase()
    {
        var row = new CaseRow(Guid.NewGuid(), "item-a", 1, "accepted", 1, 1, """{"stage":"accepted"}""")
        {
            ServiceItemCode = "item-a",
            WindowId = "window-1",
            FirstInquiryOwner = "clerk-1",
            HandlerId = "handler-1",
            AcceptedAt = Opened,
            PromisedDeadline = Opened.AddDays(5),
            StatutoryDeadline = Opened.AddDays(10),
            DeadlinesProvisional = true,
            ReceiptNumber = "R-1",
            LookupSecretHash = "secret-hash-1",
        };
        return new CaseChange(row, 0, Opened)
        {
            History = [Entry(1, Opened)],
            TimersToSchedule = [new TimerRow("yellow", "yellow", Opened.AddDays(1))],
        };
    }

    // A value different from the opening's in every column an update writes.
    private static CaseChange ChangeEveryField(StoredCase current)
    {
        var row = new CaseRow(current.Id, current.DefinitionId, 2, "closed", current.Version + 1, current.HistoryLength + 1,
            """{"stage":"closed"}""")
        {
            ServiceItemCode = "item-b",
            WindowId = "window-2",
            FirstInquiryOwner = "clerk-2",
            HandlerId = "handler-2",
            AcceptedAt = Opened.AddHours(1),
            PromisedDeadline = Opened.AddDays(6),
            StatutoryDeadline = Opened.AddDays(11),
            DeadlinesProvisional = false,
            WarningLevel = "red",
            ReceiptNumber = "R-2",
            LookupSecretHash = "secret-hash-2",
            CompletedAt = Changed,
        };
        return new CaseChange(row, current.Version, Changed)
        {
            ChainHead = current.HistoryHead,
            History = [Entry(current.HistoryLength + 1, Changed)],
        };
    }

    private static HistoryRow Entry(int sequence, DateTimeOffset at) => new(sequence, "changed", "clerk-1", at, """{"n": 1}""");

    private async Task SeedWindowsAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into departments (id, name_zh, name_en) values ('civil', '民政', 'Civil affairs');
            insert into windows (id, department_id, name_zh, name_en)
            values ('window-1', 'civil', '一号窗口', 'Window 1'), ('window-2', 'civil', '二号窗口', 'Window 2');
            """);
    }

    private async Task<List<string>> SchemaColumnsAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var columns = await connection.QueryAsync<string>(
            """
            select column_name::text from information_schema.columns
            where table_schema = 'public' and table_name = 'cases'
            """);
        return columns.Order(StringComparer.Ordinal).ToList();
    }

    private async Task<Dictionary<string, JsonElement>> ColumnsAsync(Guid id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var json = await connection.ExecuteScalarAsync<string>("select to_jsonb(c)::text from cases c where id = @id", new { id });
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json!)!;
    }

    private sealed class FixedFiring(CaseChange change) : ITimerFiring
    {
        public CaseChange? Fire(StoredCase current, DueTimer timer, DateTimeOffset now) => change;
    }

    private sealed class FixedRecomputation(CaseChange change) : IDeadlineRecomputation
    {
        public CaseChange? Recompute(StoredCase current, DateTimeOffset now) => change;
    }
}
