using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceWindow.Persistence.Satisfaction;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Tests.Scheduling;

[Collection(HostDatabase.Name)]
public sealed class SatisfactionAndRankingSetupTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task AddSatisfactionAndRanking_ReadsTheWeightsFromConfiguration_WhenTheSectionIsSet()
    {
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString, new Dictionary<string, string>
        {
            ["ServiceWindow:Ranking:OnTime"] = "80",
            ["ServiceWindow:Ranking:Satisfaction"] = "20",
            ["ServiceWindow:Satisfaction:ReminderAfter"] = "3d",
        });

        var weights = factory.Services.GetRequiredService<IOptions<RankingWeights>>().Value;
        var satisfaction = factory.Services.GetRequiredService<IOptions<SatisfactionOptions>>().Value;

        Assert.Equal(new RankingWeights { OnTime = 80m, Satisfaction = 20m }, weights);
        Assert.Equal("3d", satisfaction.ReminderAfter);
    }

    [Theory]
    [InlineData(null, null, "marriage-2", "marriage-1")]
    [InlineData("80", "20", "marriage-1", "marriage-2")]
    public async Task MonthlyRanking_OrdersByTheConfiguredWeights_WhenResolvedFromTheHost(string? onTime, string? satisfaction, string first, string second)
    {
        await fixture.LoadDemoOrganisationAsync();
        await using (var connection = await fixture.DataSource.OpenConnectionAsync())
        {
            // Defaults 60/40: marriage-1 60 + 20 = 80, marriage-2 42 + 40 = 82. With 80/20: 80 + 10 = 90 against 56 + 20 = 76.
            await connection.ExecuteAsync(
                """
                insert into month_closes (month, closed_at, history_entries, snapshot) values ('2026-10-01', '2026-10-31 17:00Z', 0, '{}');
                insert into statistics_frozen_rows (month, dimension, key, counts) values
                    ('2026-10-01', 'window', 'marriage-1', '{"completed": 10, "completedOnTime": 10, "ratings": 10, "ratingsSatisfied": 5}'),
                    ('2026-10-01', 'window', 'marriage-2', '{"completed": 10, "completedOnTime": 7, "ratings": 10, "ratingsSatisfied": 10}');
                """);
        }
        var settings = new Dictionary<string, string>();
        if (onTime is not null && satisfaction is not null)
        {
            settings["ServiceWindow:Ranking:OnTime"] = onTime;
            settings["ServiceWindow:Ranking:Satisfaction"] = satisfaction;
        }
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString, settings);

        var result = await factory.Services.GetRequiredService<MonthlyRanking>().RankAsync(new DateOnly(2026, 10, 1));

        Assert.Equal([first, second], result!.Report.Entries.Select(e => e.Window));
    }

    [Fact]
    public async Task AddSatisfactionAndRanking_ReadsTheHonoursPlaces_WhenTheSectionIsSet()
    {
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString, new Dictionary<string, string>
        {
            ["ServiceWindow:Honours:RedFlagWindows"] = "3",
        });

        var places = factory.Services.GetRequiredService<IOptions<HonoursPlaces>>().Value;

        Assert.Equal(new HonoursPlaces { RedFlagWindows = 3, ServiceStars = 5 }, places);
    }

    [Fact]
    public async Task QuarterlyHonoursRegister_NamesTheConfiguredPlaces_WhenResolvedFromTheHost()
    {
        await fixture.LoadDemoOrganisationAsync();
        await DemoQuarter.CloseAsync(fixture);
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString, new Dictionary<string, string>
        {
            ["ServiceWindow:Honours:RedFlagWindows"] = "2",
            ["ServiceWindow:Honours:ServiceStars"] = "1",
        });

        var honours = await factory.Services.GetRequiredService<QuarterlyHonoursRegister>().AwardAsync(DemoQuarter.Q4);

        // marriage-2 84 and hall-1 28 (marriage-1 barred); one star, li.na 84.
        Assert.Equal(["marriage-2", "hall-1"], honours!.RedFlagWindows.Select(e => e.Window));
        Assert.Equal(["li.na"], honours.ServiceStars.Select(e => e.Window));
    }

    [Fact]
    public async Task AddSatisfactionAndRanking_KeepsTodaysWeights_WhenNothingIsConfigured()
    {
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString);

        var weights = factory.Services.GetRequiredService<IOptions<RankingWeights>>().Value;

        Assert.Equal((60m, 40m, 2m, 5m, 10m), (weights.OnTime, weights.Satisfaction, weights.OverduePenalty, weights.StatutoryBreachPenalty, weights.FindingPenalty));
    }

    [Theory]
    [InlineData("ServiceWindow:Ranking:OverduePenalty", "-2", "ServiceWindow:Ranking: OverduePenalty must not be negative (is -2)")]
    [InlineData("ServiceWindow:Honours:ServiceStars", "-1", "ServiceWindow:Honours: ServiceStars must not be negative (is -1)")]
    [InlineData("ServiceWindow:Satisfaction:ReminderAfter", "3wh", "ServiceWindow:Satisfaction: ReminderAfter '3wh' is not a period of working or calendar days")]
    public async Task AddSatisfactionAndRanking_StopsTheStart_WhenASettingIsInvalid(string key, string value, string expected)
    {
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString, new Dictionary<string, string> { [key] = value });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        var validation = refused as OptionsValidationException ?? Assert.IsType<OptionsValidationException>(refused.InnerException);
        Assert.Contains(validation.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
