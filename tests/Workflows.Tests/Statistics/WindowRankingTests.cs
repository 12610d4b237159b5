using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Workflows.Tests.Statistics;

public sealed class WindowRankingTests
{
    private static readonly RankingWeights Weights = new() { OnTime = 60m, Satisfaction = 40m, OverduePenalty = 2m, StatutoryBreachPenalty = 5m, FindingPenalty = 10m };

    internal static MonthlyFigures Figures(long completed, long onTime, long late = 0, long openPast = 0, long breaches = 0, long ratings = 0, long satisfied = 0) =>
        MonthlyFigures.Zero with
        {
            Completed = completed, CompletedOnTime = onTime, CompletedLate = late, OpenPastPromised = openPast,
            StatutoryBreaches = breaches, Ratings = ratings, RatingsSatisfied = satisfied,
        };

    [Fact]
    public void Rank_OrdersByWeightedScoreAndExplainsEachLine_WhenWindowsDiffer()
    {
        // a: 60*9/10 = 54, 40*5/5 = 40, one late case -2            => 92
        // b: 60*4/4 = 60, 40*1/2 = 20, one breach -5, one finding -10 => 65
        // c: nothing completed or rated earns nothing                 => 0
        var ranking = WindowRanking.Rank(
        [
            new RankingCandidate("c", MonthlyFigures.Zero, 0),
            new RankingCandidate("b", Figures(4, 4, breaches: 1, ratings: 2, satisfied: 1), 1),
            new RankingCandidate("a", Figures(10, 9, late: 1, ratings: 5, satisfied: 5), 0),
        ], Weights);

        Assert.Equal(["a", "b", "c"], ranking.Select(e => e.Window));
        Assert.Equal([92m, 65m, 0m], ranking.Select(e => e.Score));
        Assert.Equal([1, 2, 3], ranking.Select(e => e.Position));
        var b = ranking[1].Lines;
        Assert.Equal(["onTimeRate", "satisfactionRate", "overdue", "statutoryBreaches", "confirmedFindings"], b.Select(l => l.Term));
        Assert.Equal([60m, 20m, 0m, -5m, -10m], b.Select(l => l.Points));
        Assert.Equal((1L, (long?)2L, 0.5m), (b[1].Numerator, b[1].Denominator, b[1].Figure));
        Assert.Null(ranking[2].Lines[0].Figure);
    }

    [Fact]
    public void Rank_SharesPosition_WhenScoresAreEqual()
    {
        var ranking = WindowRanking.Rank(
        [
            new RankingCandidate("y", Figures(2, 1), 0),
            new RankingCandidate("x", Figures(4, 2), 0),
            new RankingCandidate("z", Figures(1, 1), 0),
        ], Weights);

        // z: 60; x and y: 60*1/2 = 30 each, listed by id.
        Assert.Equal([("z", 1), ("x", 2), ("y", 2)], ranking.Select(e => (e.Window, e.Position)));
        Assert.Equal(["x", "y"], WindowRanking.Last(ranking));
    }

    [Fact]
    public void LastTwiceInARow_NamesOnlyTheWindowLastInBothMonths_WhenLastChanges()
    {
        var september = WindowRanking.Rank([new("a", Figures(1, 1), 0), new("b", Figures(2, 1), 0), new("c", Figures(4, 1), 0)], Weights);
        var october = WindowRanking.Rank([new("a", Figures(4, 1), 0), new("b", Figures(2, 1), 0), new("c", Figures(4, 1), 0)], Weights);
        var november = WindowRanking.Rank([new("a", Figures(1, 1), 0), new("b", Figures(1, 1), 0), new("c", Figures(1, 1), 0)], Weights);

        Assert.Equal(["c"], WindowRanking.LastTwiceInARow(september, october));
        // Everyone equal: nobody is last.
        Assert.Empty(WindowRanking.LastTwiceInARow(october, november));
    }

    [Fact]
    public void Choose_PassesOverTheBestScore_WhenItsWindowHasAConfirmedFinding()
    {
        // a: 54 + 40*4/5 = 32 - 2 = 84. b: 60 + 40 - 10 = 90 but barred by its finding. c: 60*1/2 = 30.
        var quarter = new[]
        {
            new RankingCandidate("a", Figures(10, 9, late: 1, ratings: 5, satisfied: 4), 0),
            new RankingCandidate("b", Figures(10, 10, ratings: 10, satisfied: 10), 1),
            new RankingCandidate("c", Figures(2, 1), 0),
        };

        var chosen = QuarterlyHonours.Choose(quarter, Weights, places: 1);

        var only = Assert.Single(chosen);
        Assert.Equal(("a", 84m), (only.Window, only.Score));
    }

    [Fact]
    public void Sum_AddsTheThreeMonths_WhenMakingAQuarter()
    {
        var quarter = QuarterlyHonours.Sum("a", [new("a", Figures(2, 1), 0), new("a", Figures(3, 3), 1), new("a", Figures(1, 0, late: 1), 0)]);

        Assert.Equal((6L, 4L, 1L, 1L), (quarter.Figures.Completed, quarter.Figures.CompletedOnTime, quarter.Figures.CompletedLate, quarter.ConfirmedFindings));
    }

    [Fact]
    public void Barred_NamesEachCandidateWithAConfirmedFinding_WhenTheQuarterHasSome()
    {
        var quarter = new[]
        {
            new RankingCandidate("c", Figures(2, 2), 2),
            new RankingCandidate("a", Figures(10, 10), 0),
            new RankingCandidate("b", Figures(10, 10), 1),
        };

        Assert.Equal([new BarredCandidate("b", 1), new BarredCandidate("c", 2)], QuarterlyHonours.Barred(quarter));
    }
}
