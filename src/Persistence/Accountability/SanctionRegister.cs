using Dapper;
using Npgsql;
using ServiceWindow.Workflows.Accountability;

namespace ServiceWindow.Persistence.Accountability;

/// Records the sanction of each verified complaint on the person's ladder for the calendar year
/// (诫勉谈话, 通报批评, 交流换岗 by default). The rung is the complaint's place among the person's verified
/// complaints decided that year, counted in the office's zone: a complaint decided at 00:30 on 1 January
/// in Shanghai starts a new year although it is still 31 December in UTC. Counting complaints rather
/// than earlier sanctions makes the rung the same however often, and in whatever order, it is recorded.
public sealed class SanctionRegister(NpgsqlDataSource dataSource, TimeProvider clock, string timeZoneId, IReadOnlyList<Sanction>? ladder = null)
{
    private readonly IReadOnlyList<Sanction> rungs = ladder ?? SanctionLadder.Default;

    /// The complaint's sanction, recorded on first call; null when the complaint is not verified or names nobody.
    public async Task<SanctionRecord?> RecordAsync(Guid complaintId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var places = await connection.QueryAsync<(string StaffId, int Year, long Rung)>(new CommandDefinition(
            """
            select c.against_staff_id, extract(year from c.decided_at at time zone @zone)::int,
                   (select count(*) from complaints o
                    where o.verified and o.against_staff_id = c.against_staff_id
                      and extract(year from o.decided_at at time zone @zone) = extract(year from c.decided_at at time zone @zone)
                      and (o.decided_at, o.id) <= (c.decided_at, c.id))
            from complaints c
            where c.id = @complaintId and c.verified and c.against_staff_id is not null
            """, new { complaintId, zone = timeZoneId }, cancellationToken: cancellationToken));
        if (places.AsList() is not [var p])
        {
            return null;
        }
        var sanction = SanctionLadder.For(rungs, (int)p.Rung);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into sanctions (complaint_id, staff_id, year, rung, sanction, recorded_at)
            values (@complaintId, @StaffId, @Year, @Rung, @name, @now)
            on conflict (complaint_id) do nothing
            """,
            new { complaintId, p.StaffId, p.Year, Rung = (int)p.Rung, name = SnakeCase(sanction), now = clock.GetUtcNow().UtcDateTime },
            cancellationToken: cancellationToken));
        return new SanctionRecord(complaintId, p.StaffId, p.Year, (int)p.Rung, sanction);
    }

    private static string SnakeCase(Sanction sanction) => sanction switch
    {
        Sanction.Admonishment => "admonishment",
        Sanction.CirculatedCriticism => "circulated_criticism",
        _ => "job_rotation",
    };
}
