using Dapper;
using Npgsql;
using ServiceWindow.Persistence.History;

namespace ServiceWindow.Persistence.Audit;

/// Records that a person saw a case's personal data in full: an entry appended to the case's
/// history, linked into its hash chain, guarded on the chain head like any write. The case version
/// is not bumped (a look changes nothing a command depends on), but the state's history length is,
/// so the engine numbers its next entry after this one.
public sealed class FullViewAudit(NpgsqlDataSource dataSource)
{
    public const string Kind = "personal_data_viewed";

    private const string Payload = """{"view": "full"}""";

    /// Appends the entry; false when the case's history moved on since <paramref name="head"/>
    /// (the caller reads the case again and retries).
    public async Task<bool> TryRecordAsync(Guid caseId, int historyLength, string? head, string actorId, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        // The hash is taken over the instant as the database keeps it: microseconds.
        var atUtc = new DateTime(at.UtcTicks - at.UtcTicks % 10, DateTimeKind.Utc);
        var sequence = historyLength + 1;
        var hash = HistoryHash.Compute(head, caseId, sequence, Kind, actorId, atUtc, null, null, null, Payload);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            with moved as (
                update cases set history_length = @sequence, history_head = @hash,
                       state = jsonb_set(state::jsonb, '{HistoryLength}', to_jsonb(@sequence))::json
                where id = @caseId and history_length = @historyLength and history_head is not distinct from @head
                returning id
            )
            insert into case_history (case_id, sequence, kind, actor_id, at, payload, prev_hash, hash)
            select id, @sequence, @kind, @actorId, @atUtc, @payload::jsonb, @head, @hash from moved
            """, new { caseId, sequence, hash, historyLength, head, kind = Kind, actorId, atUtc, payload = Payload },
            cancellationToken: cancellationToken));
        return written == 1;
    }
}
