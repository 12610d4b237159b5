using Dapper;
using ServiceWindow.Persistence.Satisfaction;
using ServiceWindow.Persistence.Tests.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Satisfaction;

/// Counter cases completed on Thursday 2026-10-15 at 10:20. Three working days on: Friday 10-16,
/// Monday 10-19, Tuesday 10-20, so the reminder falls due at Tuesday's office close, 17:30.
[Collection(StoreDatabaseCollection.Name)]
public sealed class RatingInvitationsTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly DateTimeOffset Received = OctoberOffice.At(10, 15, 10);
    private static readonly DateTimeOffset ReminderDue = OctoberOffice.At(10, 20, 17, 30);

    private readonly SatisfactionOffice office = new(database.DataSource);

    private async Task<(int Invited, int Reminded)> SweepAtAsync(DateTimeOffset at)
    {
        office.Clock.SetUtcNow(at);
        return await office.Invitations.RunAsync();
    }

    [Fact]
    public async Task RunAsync_InvitesOnceAndRemindsOnce_WhenNoRatingComes()
    {
        await office.SetUpAsync();
        var id = await office.CompleteCounterCaseAsync(Received, "R-0001");

        var first = await SweepAtAsync(Received.AddMinutes(21));
        var again = await SweepAtAsync(Received.AddHours(2));
        var early = await SweepAtAsync(ReminderDue.AddSeconds(-1));
        var due = await SweepAtAsync(ReminderDue);
        var later = await SweepAtAsync(ReminderDue.AddDays(5));

        Assert.Equal([(1, 0), (0, 0), (0, 0), (0, 1), (0, 0)], new[] { first, again, early, due, later });
        Assert.Equal([(id, "applicant", "rating.invitation"), (id, "applicant", "rating.reminder")], await office.OutboxAsync("rating."));
    }

    [Fact]
    public async Task RunAsync_SendsNoReminder_WhenTheApplicantRatedMeanwhile()
    {
        await office.SetUpAsync();
        var id = await office.CompleteCounterCaseAsync(Received, "R-0001");
        await SweepAtAsync(Received.AddMinutes(21));
        await office.RateAsync(id, 4, OctoberOffice.At(10, 16, 9));

        var due = await SweepAtAsync(ReminderDue);

        Assert.Equal((0, 0), due);
        Assert.Equal([(id, "applicant", "rating.invitation")], await office.OutboxAsync("rating."));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.False(await connection.QuerySingleAsync<bool>("select reminded from rating_invitations where case_id = @id", new { id }));
    }

    [Fact]
    public async Task RunAsync_InvitesNobody_WhenTheCaseHasNoReceiptOrTheApplicantRatedFirst()
    {
        await office.SetUpAsync();
        await office.CompleteCounterCaseAsync(Received, receipt: null);
        var rated = await office.CompleteCounterCaseAsync(Received.AddMinutes(30), "R-0002");
        await office.RateAsync(rated, 5, Received.AddMinutes(55));

        var swept = await SweepAtAsync(Received.AddHours(1));
        var due = await SweepAtAsync(ReminderDue.AddHours(1));

        Assert.Equal(((0, 0), (0, 0)), (swept, due));
        Assert.Empty(await office.OutboxAsync("rating."));
    }

    [Fact]
    public async Task RunAsync_SendsEachMessageOnce_WhenTwoHostsSweepTogether()
    {
        await office.SetUpAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await office.CompleteCounterCaseAsync(Received.AddMinutes(21 * i), $"R-{i:0000}"));
        }
        var other = new RatingInvitations(database.DataSource, SatisfactionCatalog.Instance, office.Clock);

        office.Clock.SetUtcNow(Received.AddHours(5));
        var invited = await Task.WhenAll(office.Invitations.RunAsync(), other.RunAsync(), office.Invitations.RunAsync());
        office.Clock.SetUtcNow(ReminderDue);
        var reminded = await Task.WhenAll(office.Invitations.RunAsync(), other.RunAsync(), office.Invitations.RunAsync());

        Assert.Equal(12, invited.Sum(r => r.Invited));
        Assert.Equal(12, reminded.Sum(r => r.Reminded));
        var outbox = await office.OutboxAsync("rating.");
        Assert.Equal(ids.Order(), outbox.Where(m => m.Template == "rating.invitation").Select(m => m.CaseId!.Value).Order());
        Assert.Equal(ids.Order(), outbox.Where(m => m.Template == "rating.reminder").Select(m => m.CaseId!.Value).Order());
    }
}
