using Dapper;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Cli;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Cli;

[Collection(HostDatabase.Name)]
public sealed class VerifyHistoryCommandTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_ExitsZero_WhenEveryChainIsIntact()
    {
        await WriteCaseWithTwoEntriesAsync();

        var (exit, output) = await RunAsync();

        Assert.Equal(0, exit);
        Assert.Contains("1 cases, 2 entries, every chain intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NamesTheEditedEntry_AndExitsOne_WhenHistoryWasEditedBehindTheGuard()
    {
        var id = await WriteCaseWithTwoEntriesAsync();
        await using (var connection = await fixture.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("alter table case_history disable trigger case_history_append_only", transaction: transaction);
            await connection.ExecuteAsync("update case_history set actor_id = 'someone-else' where case_id = @id and sequence = 2", new { id }, transaction);
            await connection.ExecuteAsync("alter table case_history enable trigger case_history_append_only", transaction: transaction);
            await transaction.CommitAsync();
        }

        var (exit, output) = await RunAsync();

        Assert.Equal(1, exit);
        Assert.Contains($"case {id}: entry 2: content does not match its hash", output, StringComparison.Ordinal);
        Assert.Contains("1 broken chain(s)", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:ServiceWindow", fixture.ConnectionString)])
            .Build();
        var output = new StringWriter();
        var exit = await CliDispatcher.TryRunAsync(["verify-history"], output, new StringWriter(), configuration);
        return (exit ?? -1, output.ToString());
    }

    private async Task<Guid> WriteCaseWithTwoEntriesAsync()
    {
        var store = new CaseStore(fixture.DataSource);
        var id = Guid.NewGuid();
        var opened = new CaseChange(new CaseRow(id, "item", 1, "accepted", 1, 1, """{"stage": "accepted"}"""), 0, Start)
        {
            History = [new HistoryRow(1, "opened", "clerk-1", Start, """{"note": "受理"}""")],
        };
        await store.CommitAsync(opened);
        await store.CommitAsync(new CaseChange(new CaseRow(id, "item", 1, "review", 2, 2, """{"stage": "review"}"""), 1, Start.AddHours(1))
        {
            ChainHead = opened.NewChainHead(),
            History = [new HistoryRow(2, "moved", "clerk-1", Start.AddHours(1), """{"to": "review"}""")],
        });
        return id;
    }
}
