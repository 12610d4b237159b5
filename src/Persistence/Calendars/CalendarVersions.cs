using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Persistence.Calendars;

/// Published versions of a working calendar. A host publishes the calendar it loaded when its
/// content differs from the latest version; the provisional-deadline recomputation compares the
/// latest two, which is what "after a calendar update" means across restarts.
public sealed class CalendarVersions(NpgsqlDataSource dataSource)
{
    /// Returns the version now current: the new one, or the latest when the content is unchanged.
    public Task<int> PublishIfChangedAsync(WorkingCalendar calendar, string json, CancellationToken cancellationToken = default) =>
        PublishIfChangedAsync(calendar, json, loadedBy: null, cancellationToken);

    /// As above, recording the staff member who uploaded the calendar.
    public async Task<int> PublishIfChangedAsync(WorkingCalendar calendar, string json, string? loadedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ReplaceLineEndings("\n"))));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two hosts starting together publish once: the second waits here, then finds the same checksum.
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtext('calendars:' || @id))",
            new { id = calendar.Id }, transaction, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<(int Version, string Checksum)>(new CommandDefinition(
            """
            select version, content ->> 'checksum' from calendars where id = @id order by version desc limit 1
            """, new { id = calendar.Id }, transaction, cancellationToken: cancellationToken))).ToList();
        if (rows is [var found] && found.Checksum == checksum)
        {
            await transaction.CommitAsync(cancellationToken);
            return found.Version;
        }
        var version = (rows is [var last] ? last.Version : 0) + 1;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into calendars (id, version, content, first_year, last_year, loaded_by)
            values (@id, @version, jsonb_build_object('checksum', @checksum, 'calendar', @json::jsonb), @firstYear, @lastYear,
                    (select id from staff where id = @loadedBy))
            """,
            new { id = calendar.Id, version, checksum, json, firstYear = calendar.FirstCoveredYear, lastYear = calendar.LastCoveredYear, loadedBy },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    /// The version before the latest and the latest, or null when there has been no update yet.
    public async Task<(WorkingCalendar Previous, WorkingCalendar Current)?> LatestUpdateAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(int Version, string Json)>(new CommandDefinition(
            """
            select version, (content -> 'calendar')::text from calendars where id = @id order by version desc limit 2
            """, new { id }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count < 2)
        {
            return null;
        }
        return (CalendarLoader.Load($"{id} v{rows[1].Version}", rows[1].Json, TimeZoneInfo.FindSystemTimeZoneById), CalendarLoader.Load($"{id} v{rows[0].Version}", rows[0].Json, TimeZoneInfo.FindSystemTimeZoneById));
    }

    /// The latest published version, or null when none is.
    public async Task<PublishedCalendar?> LatestAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int Version, string Json, DateTime LoadedAt, string? LoadedBy)>(new CommandDefinition(
            """
            select version, (content -> 'calendar')::text, loaded_at, loaded_by from calendars where id = @id order by version desc limit 1
            """, new { id }, cancellationToken: cancellationToken));
        return rows.ToList() is [var (version, json, loadedAt, loadedBy)]
            ? new PublishedCalendar(version, CalendarLoader.Load($"{id} v{version}", json, TimeZoneInfo.FindSystemTimeZoneById), json,
                new DateTimeOffset(DateTime.SpecifyKind(loadedAt, DateTimeKind.Utc)), loadedBy)
            : null;
    }
}
