using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Cases;

/// Reads cases for the next command and commits changes. A commit is one batch in one implicit
/// transaction (one round trip): idempotency record, guarded case write, history, timers, outbox,
/// findings. A command retried with the same idempotency key gets the first result and writes
/// nothing; the same key with a different command is refused.
public sealed class CaseStore(NpgsqlDataSource dataSource)
{
    public async Task<StoredCase?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredCase>(new CommandDefinition(
            """
            select id, definition_id as DefinitionId, definition_version as DefinitionVersion, stage, version,
                   history_length as HistoryLength, state::text as StateJson,
                   history_head as HistoryHead, window_id as WindowId
            from cases where id = @id
            """, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<StoredCase> LoadAsync(Guid id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) ?? throw new CaseNotFoundException(id);

    /// How many complaints were verified against <paramref name="staffId"/> from <paramref name="from"/> up to,
    /// not including, <paramref name="until"/>, as the view `verified_complaints` (migration 0021) names them
    /// for the register too: a late extension request is misconduct but no complaint, and a complaint whose
    /// finding was dismissed no longer stands.
    public async Task<int> CountVerifiedComplaintsAsync(string staffId, DateTimeOffset from, DateTimeOffset until,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            select count(*)::integer
            from verified_complaints
            where staff_id = @staffId and verified_at >= @from and verified_at < @until
            """, new { staffId, from = from.UtcDateTime, until = until.UtcDateTime }, cancellationToken: cancellationToken));
    }

    /// The stored result for <paramref name="key"/>, or null when the key is new.
    public async Task<string?> FindResultAsync(string key, string requestHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var record = await connection.QuerySingleOrDefaultAsync<IdempotencyRow>(new CommandDefinition(
            """
            select request_hash as RequestHash, result::text as Result from idempotency_records where key = @key
            """, new { key }, cancellationToken: cancellationToken));
        if (record is null)
        {
            return null;
        }
        return record.RequestHash == requestHash ? record.Result : throw new IdempotencyKeyReusedException(key);
    }

    /// Commits the change and returns the result that stands for the command: the one recorded
    /// with it, or, when a concurrent retry of the same command committed first, that one's.
    /// Throws <see cref="ConcurrencyConflictException"/> when the case moved on.
    public async Task<string?> CommitAsync(CaseChange change, IdempotencyRecord? idempotency = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await CaseWriter.WriteAsync(connection, null, change, idempotency, cancellationToken);
            return idempotency?.ResultJson;
        }
        catch (PostgresException e) when (idempotency is not null && CaseWriter.IsIdempotencyRace(e))
        {
            return await FindResultAsync(idempotency.Key, idempotency.RequestHash, cancellationToken)
                ?? throw new InvalidOperationException($"idempotency key '{idempotency.Key}' collided but holds no result", e);
        }
    }

    private sealed record IdempotencyRow(string RequestHash, string Result);
}
