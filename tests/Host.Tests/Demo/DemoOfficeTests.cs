using Dapper;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Demo;
using ServiceWindow.Persistence.History;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Demo;

[Collection(HostDatabase.Name)]
public sealed class DemoOfficeTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    // 10:00 in Shanghai on Monday 15 June 2026: February to May and half of June are played.
    private static readonly DateTimeOffset Until = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);
    private const int Months = 4;
    private const int Seed = 7;

    [Fact]
    public async Task LoadAsync_WritesTheSameCases_WhenRunTwiceWithTheSameSeed()
    {
        await LoadAsync();
        var first = await DigestAsync();
        await fixture.ResetAsync();

        await LoadAsync();
        var second = await DigestAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task LoadAsync_WritesNothingAndSaysSo_WhenRunAgain()
    {
        var first = await LoadAsync();
        var digest = await DigestAsync();

        var again = await LoadAsync();

        Assert.False(first.AlreadyLoaded);
        Assert.True(again.AlreadyLoaded);
        Assert.Empty(again.Counts);
        Assert.Equal(digest, await DigestAsync());
    }

    [Fact]
    public async Task LoadAsync_LeavesEveryHistoryChainIntact_WhenTheOfficeIsGenerated()
    {
        await LoadAsync();

        var verification = await new HistoryVerifier(fixture.DataSource).VerifyAsync();

        Assert.Empty(verification.Broken);
        Assert.True(verification.CasesChecked > 100, $"{verification.CasesChecked} cases");
    }

    [Fact]
    public async Task LoadAsync_GeneratesEveryKindOfCase_WhenTheOfficeIsGenerated()
    {
        var summary = await LoadAsync();

        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var counts = (await connection.QueryAsync<(string Kind, long Count)>(
            """
            select 'immediate marriage' kind, count(*) from cases where definition_id = 'marriage-registration' and stage = 'registered'
            union all select 'cooling-off ended', count(*) from case_history where kind = 'timer' and to_stage = 'awaiting_appearance'
            union all select 'divorce registered', count(*) from cases where definition_id = 'divorce-registration' and stage = 'divorced'
            union all select 'divorce withdrawn', count(*) from cases where definition_id = 'divorce-registration' and stage = 'withdrawn'
            union all select 'divorce deemed withdrawn', count(*) from cases where stage = 'deemed_withdrawn'
            union all select 'allowance approved', count(*) from cases where definition_id = 'minimum-living-allowance' and stage = 'approved'
            union all select 'supplement', count(*) from case_history where action = 'request_supplement'
            union all select 'extension', count(*) from case_history where action = 'approve_extension'
            union all select 'public notice', count(*) from case_history where to_stage = 'public_notice'
            union all select 'overdue', count(*) from cases where promised_deadline < coalesce(completed_at, @until)
            union all select 'referral', count(*) from case_history where action = 'refer'
            union all select 'lost referral', count(*) from findings where kind = 'lost_referral'
            union all select 'rating', count(*) from ratings
            union all select 'bad review', count(*) from cases where definition_id = 'bad-review-rectification'
            union all select 'bad review linked to its rating', count(*) from bad_review_rectifications l join ratings r on r.id = l.rating_id
            union all select 'bad review called back and rectified', count(*) from bad_review_rectifications l join cases c on c.id = l.case_id
                where c.stage = 'rectified'
            union all select 'referral in the figures', count(*) from case_facts where referrals <> '[]'
            union all select 'complaint in the figures', count(*) from case_facts where complaint_received_at is not null
            union all select 'complaint', count(*) from cases where definition_id = 'complaint-handling'
            union all select 'verified complaint', count(*) from cases where definition_id = 'complaint-handling' and stage = 'verified'
            union all select 'finding', count(*) from findings
            union all select 'closed month', count(*) from month_closes
            union all select 'ranked month', count(*) from window_rankings
            """, new { until = Until.UtcDateTime })).ToDictionary(c => c.Kind, c => c.Count);

        var missing = counts.Where(c => c.Value == 0).Select(c => c.Key).ToList();
        Assert.True(missing.Count == 0, "none of: " + string.Join(", ", missing));
        // February to May are over on 15 June; June is still live.
        Assert.Equal(4, counts["closed month"]);
        Assert.Equal(4, counts["ranked month"]);
        // No quarter is awarded: the first lacks January, before the office opened; the second, June.
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from quarterly_honours"));
        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)], summary.ClosedMonths);
        Assert.Equal(counts["immediate marriage"], summary.Counts["marriage registered"]);
    }

    [Fact]
    public async Task LoadAsync_RanksEveryClosedMonthAndAwardsTheQuarterTheyComplete_WhenAWholeQuarterIsOver()
    {
        // On 15 July, three months back: April to June are closed, the second quarter whole.
        var summary = await LoadAsync(3, new DateTimeOffset(2026, 7, 15, 2, 0, 0, TimeSpan.Zero));

        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal([new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1)], summary.ClosedMonths);
        Assert.Equal([new DateTime(2026, 4, 1), new DateTime(2026, 5, 1), new DateTime(2026, 6, 1)],
            await connection.QueryAsync<DateTime>("select month from window_rankings order by month"));
        Assert.Equal([new DateTime(2026, 4, 1)], await connection.QueryAsync<DateTime>("select quarter from quarterly_honours"));
    }

    private Task<DemoOfficeSummary> LoadAsync(int months = Months, DateTimeOffset? until = null)
    {
        var catalog = new FileWorkflowCatalog(new ConfigurationBuilder().Build());
        return new DemoOffice(fixture.DataSource, catalog).LoadAsync(months, Seed, until ?? Until);
    }

    // Everything the seed decides, without the ids the store draws itself (findings', ratings').
    private async Task<string> DigestAsync()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>(
            """
            select md5(
                (select string_agg(concat_ws('|', id, definition_id, stage, handler_id, accepted_at, promised_deadline, completed_at), E'\n' order by id) from cases)
                || (select string_agg(concat_ws('|', case_id, sequence, kind, actor_id, at, hash), E'\n' order by case_id, sequence) from case_history)
                || (select string_agg(concat_ws('|', case_id, score, rated_at), E'\n' order by case_id) from ratings)
                || (select coalesce(string_agg(concat_ws('|', case_id, kind, responsible_staff_id, opened_at), E'\n'
                        order by case_id, kind, opened_at, responsible_staff_id), '') from findings))
            """) ?? "";
    }
}
