using Dapper;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Tests.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Accountability;

namespace ServiceWindow.Persistence.Tests.Accountability;

[Collection(StoreDatabaseCollection.Name)]
public sealed class FindingRegisterTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private readonly OctoberOffice office = new(database.DataSource);

    private FindingRegister Register => new(database.DataSource, office.Clock);

    private async Task<Guid> OpenFindingAsync(string staffId, string windowId)
    {
        await office.SetUpOrganisationAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("insert into staff (id, display_name, department_id) values ('eff-1', '周强', 'civil')");
        var id = Guid.NewGuid();
        await connection.ExecuteAsync(
            """
            insert into findings (id, kind, window_id, responsible_staff_id, reason, opened_at)
            values (@id, 'inaction', @windowId, @staffId, 'untouched for 3 working days', '2026-10-12 09:00+08')
            """, new { id, staffId, windowId });
        return id;
    }

    [Fact]
    public async Task ConfirmAsync_RefusesTheSecondDecision_WhenTwoOfficersDecide()
    {
        var id = await OpenFindingAsync("clerk-2", "w2");
        office.Clock.SetUtcNow(OctoberOffice.At(10, 13, 10));
        await Register.StateAsync(id, "clerk-2", "the applicant asked us to wait");

        var confirmed = await Register.ConfirmAsync(id, "eff-1");
        var second = await Assert.ThrowsAsync<FindingConflictException>(() => Register.ConfirmAsync(id, "leader-1"));
        var dismiss = await Assert.ThrowsAsync<FindingConflictException>(() => Register.DismissAsync(id, "leader-1"));

        Assert.Equal((FindingStatus.Confirmed, "eff-1", OctoberOffice.At(10, 13, 10)), (confirmed.Status, confirmed.DecidedBy, confirmed.DecidedAt));
        var stored = await Register.GetAsync(id);
        Assert.Equal((FindingStatus.Confirmed, "eff-1"), (stored!.Status, stored.DecidedBy));
        Assert.Equal(("confirmed", "dismissed"), (second.Step, dismiss.Step));
    }

    [Fact]
    public async Task StateAsync_RefusesSomeoneElseAndASecondStatement_WhenFindingIsOpen()
    {
        var id = await OpenFindingAsync("clerk-2", "w2");

        await Assert.ThrowsAsync<FindingConflictException>(() => Register.StateAsync(id, "clerk-1", "not me"));
        var stated = await Register.StateAsync(id, "clerk-2", "first");
        await Assert.ThrowsAsync<FindingConflictException>(() => Register.StateAsync(id, "clerk-2", "second"));

        Assert.Equal(("first", FindingStatus.Open), (stated.Statement, stated.Status));
        Assert.Equal("first", (await Register.GetAsync(id))!.Statement);
    }

    [Fact]
    public async Task DismissAsync_RefusesToDecide_WhenThePersonHasNotStated()
    {
        var id = await OpenFindingAsync("clerk-2", "w2");

        await Assert.ThrowsAsync<FindingConflictException>(() => Register.DismissAsync(id, "eff-1"));
        await Register.StateAsync(id, "clerk-2", "the materials came late");
        var dismissed = await Register.DismissAsync(id, "eff-1");

        Assert.Equal(FindingStatus.Dismissed, dismissed.Status);
    }

    [Fact]
    public async Task OpenInterviewAsync_FilesOnce_WhenCalledTwiceForTheSameMonth()
    {
        await OpenFindingAsync("clerk-2", "w2");

        var first = await Register.OpenInterviewAsync("w1", "leader-1", October, "last in September and October");
        var again = await Register.OpenInterviewAsync("w1", "leader-1", October, "last in September and October");
        var november = await Register.OpenInterviewAsync("w1", "leader-1", October.AddMonths(1), "last in October and November");

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.NotNull(november);
        var w1 = await Register.ListAsync(null, "w1");
        Assert.Equal([FindingKind.Interview, FindingKind.Interview], w1.Select(f => f.Kind));
        Assert.All(w1, f => Assert.Equal("leader-1", f.ResponsibleStaffId));
        Assert.Equal([FindingKind.Inaction], (await Register.ListAsync("clerk-2", null)).Select(f => f.Kind));
    }
}
