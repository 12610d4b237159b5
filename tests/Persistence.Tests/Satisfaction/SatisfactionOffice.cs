using Dapper;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Persistence.Satisfaction;
using ServiceWindow.Persistence.Tests.Statistics;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Tests.Satisfaction;

/// The October office (windows w1 and w2, clerks clerk-1 and clerk-2) with a section chief for
/// each window and an efficiency officer, serving immediate counter cases that take a receipt.
public sealed class SatisfactionOffice(NpgsqlDataSource dataSource)
{
    public static readonly Actor Clerk1 = Actor.Staff("clerk-1", "clerk");
    public static readonly Actor Chief1 = Actor.Staff("chief-1", "section_chief");
    public static readonly Actor Officer = Actor.Staff("eff-1", "efficiency_office");

    public FakeTimeProvider Clock { get; } = new(OctoberOffice.At(10, 1, 9));

    public CaseStore Store { get; } = new(dataSource);

    public CaseCommands Commands => new(Store, SatisfactionCatalog.Instance, new WorkflowEngine(), Clock);

    public RatingInvitations Invitations => new(dataSource, SatisfactionCatalog.Instance, Clock);

    public BadReviewRectifications Rectifications => new(dataSource, Commands, Clock);

    public async Task SetUpAsync()
    {
        await new OctoberOffice(dataSource).SetUpOrganisationAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into staff (id, display_name, department_id, window_id) values
                ('chief-1', '赵敏', 'civil', 'w1'), ('chief-2', '孙丽', 'civil', 'w2'), ('eff-1', '周强', 'civil', null);
            insert into staff_roles (staff_id, role) values
                ('chief-1', 'section_chief'), ('chief-2', 'section_chief'), ('eff-1', 'efficiency_office');
            """);
    }

    /// A counter case received and issued at w1 on the clock's day, taking the given receipt (or none).
    public async Task<Guid> CompleteCounterCaseAsync(DateTimeOffset receivedAt, string? receipt)
    {
        var id = Guid.NewGuid();
        Clock.SetUtcNow(receivedAt);
        await Commands.OpenAsync(StatisticsCatalog.Counter, id, Command("receive", Clerk1, 0, ("window", "w1")),
            receipt: receipt is null ? null : new Receipt(receipt, "secret-hash"));
        await DoAsync(receivedAt.AddMinutes(20), id, "issue", Clerk1);
        return id;
    }

    public async Task<Guid> RateAsync(Guid caseId, int score, DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        Assert.True(await new CaseRatings(dataSource).TryRateAsync(caseId, "w1", "clerk-1", score, null, at));
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Guid>("select id from ratings where case_id = @caseId", new { caseId });
    }

    public async Task<CommandOutcome> DoAsync(DateTimeOffset at, Guid id, string action, Actor actor, params (string Name, string Value)[] inputs)
    {
        Clock.SetUtcNow(at);
        var stored = await Store.LoadAsync(id);
        return await Commands.ExecuteAsync(id, Command(action, actor, stored.Version, inputs));
    }

    public async Task<List<(Guid? CaseId, string Recipient, string Template)>> OutboxAsync(string templatePrefix)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<(Guid?, string, string)>(
            "select case_id, recipient, template from outbox where template like @prefix || '%' order by id", new { prefix = templatePrefix })];
    }

    public static CaseCommand Command(string action, Actor actor, long version, params (string Name, string Value)[] inputs) =>
        new(action, actor, version, inputs.ToDictionary(i => i.Name, i => i.Value));
}
