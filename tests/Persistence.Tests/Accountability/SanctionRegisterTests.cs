using Dapper;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Tests.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Accountability;

namespace ServiceWindow.Persistence.Tests.Accountability;

[Collection(StoreDatabaseCollection.Name)]
public sealed class SanctionRegisterTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private readonly OctoberOffice office = new(database.DataSource);

    private SanctionRegister Register => new(database.DataSource, office.Clock, "Asia/Shanghai");

    private async Task<Guid> VerifiedAsync(string staffId, string decidedAt, bool verified = true)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var id = Guid.NewGuid();
        await connection.ExecuteAsync(
            """
            insert into complaints (id, against_staff_id, received_at, verified, decided_at)
            values (@id, @staffId, @decidedAt::timestamptz - interval '2 days', @verified, @decidedAt::timestamptz)
            """, new { id, staffId, decidedAt, verified });
        return id;
    }

    [Fact]
    public async Task RecordAsync_StartsTheLadderAgain_WhenTheYearTurnsInShanghai()
    {
        await office.SetUpOrganisationAsync();
        var march = await VerifiedAsync("clerk-2", "2026-03-02 10:00+08");
        var notVerified = await VerifiedAsync("clerk-2", "2026-06-01 10:00+08", verified: false);
        var otherPerson = await VerifiedAsync("clerk-1", "2026-07-01 10:00+08");
        var lastEvening = await VerifiedAsync("clerk-2", "2026-12-31 23:30+08");
        // 2026-12-31 16:30 UTC, but already 2027 in the office.
        var newYear = await VerifiedAsync("clerk-2", "2027-01-01 00:30+08");
        var february = await VerifiedAsync("clerk-2", "2027-02-01 09:00+08");

        // Recorded out of order: the rung follows the decisions, not the recording.
        var records = new List<SanctionRecord?>();
        foreach (var id in new[] { february, lastEvening, march, notVerified, otherPerson, newYear })
        {
            records.Add(await Register.RecordAsync(id));
        }

        Assert.Equal((2027, 2, Sanction.CirculatedCriticism), (records[0]!.Year, records[0]!.Rung, records[0]!.Sanction));
        Assert.Equal((2026, 2, Sanction.CirculatedCriticism), (records[1]!.Year, records[1]!.Rung, records[1]!.Sanction));
        Assert.Equal((2026, 1, Sanction.Admonishment), (records[2]!.Year, records[2]!.Rung, records[2]!.Sanction));
        Assert.Null(records[3]);
        Assert.Equal(("clerk-1", 1, Sanction.Admonishment), (records[4]!.StaffId, records[4]!.Rung, records[4]!.Sanction));
        Assert.Equal((2027, 1, Sanction.Admonishment), (records[5]!.Year, records[5]!.Rung, records[5]!.Sanction));
    }

    [Fact]
    public async Task RecordAsync_KeepsTheLastRungAndRecordsOnce_WhenAFourthComplaintIsRecordedTwice()
    {
        await office.SetUpOrganisationAsync();
        Guid last = default;
        foreach (var at in new[] { "2026-01-05 10:00+08", "2026-02-05 10:00+08", "2026-03-05 10:00+08", "2026-04-05 10:00+08" })
        {
            last = await VerifiedAsync("clerk-2", at);
            await Register.RecordAsync(last);
        }
        var again = await Register.RecordAsync(last);

        Assert.Equal((4, Sanction.JobRotation), (again!.Rung, again.Sanction));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(["admonishment", "circulated_criticism", "job_rotation", "job_rotation"],
            await connection.QueryAsync<string>("select sanction from sanctions where staff_id = 'clerk-2' order by rung"));
    }
}
