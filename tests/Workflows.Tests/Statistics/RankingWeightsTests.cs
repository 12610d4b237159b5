using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Workflows.Tests.Statistics;

public sealed class RankingWeightsTests
{
    [Fact]
    public void Problems_IsEmpty_WhenTheWeightsAreTheDefaults()
    {
        Assert.Empty(new RankingWeights().Problems());
    }

    [Theory]
    [InlineData(-1, 40, 2, "OnTime must not be negative (is -1)")]
    [InlineData(60, 40, -0.5, "OverduePenalty must not be negative (is -0.5)")]
    [InlineData(0, 0, 2, "OnTime and Satisfaction must not both be zero")]
    public void Problems_NamesTheWeight_WhenItCannotRank(double onTime, double satisfaction, double overdue, string expected)
    {
        var weights = new RankingWeights { OnTime = (decimal)onTime, Satisfaction = (decimal)satisfaction, OverduePenalty = (decimal)overdue };

        Assert.Equal([expected], weights.Problems());
    }
}
