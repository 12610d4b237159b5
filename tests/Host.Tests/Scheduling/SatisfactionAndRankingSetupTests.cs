using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceWindow.Persistence.Satisfaction;
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

    [Fact]
    public async Task AddSatisfactionAndRanking_KeepsTodaysWeights_WhenNothingIsConfigured()
    {
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString);

        var weights = factory.Services.GetRequiredService<IOptions<RankingWeights>>().Value;

        Assert.Equal((60m, 40m, 2m, 5m, 10m), (weights.OnTime, weights.Satisfaction, weights.OverduePenalty, weights.StatutoryBreachPenalty, weights.FindingPenalty));
    }

    [Theory]
    [InlineData("ServiceWindow:Ranking:OverduePenalty", "-2", "ServiceWindow:Ranking: OverduePenalty must not be negative (is -2)")]
    [InlineData("ServiceWindow:Satisfaction:ReminderAfter", "3wh", "ServiceWindow:Satisfaction: ReminderAfter '3wh' is not a period of working or calendar days")]
    public async Task AddSatisfactionAndRanking_StopsTheStart_WhenASettingIsInvalid(string key, string value, string expected)
    {
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString, new Dictionary<string, string> { [key] = value });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        var validation = refused as OptionsValidationException ?? Assert.IsType<OptionsValidationException>(refused.InnerException);
        Assert.Contains(validation.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
