using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Outbox;

/// Sends pending notifications. A batch is one transaction: claim due rows with
/// `for update skip locked`, send each, and mark it sent (or push it back) before committing, so
/// two dispatchers never hold the same message. The one window left is a crash after the channel
/// accepted a message and before the commit: that message is sent again, with the same id.
public sealed class OutboxDispatcher(NpgsqlDataSource dataSource, INotificationChannel channel, TimeProvider clock, OutboxOptions? options = null)
{
    private readonly OutboxOptions options = options ?? new OutboxOptions();

    public async Task<DispatchResult> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var total = new DispatchResult();
        for (var batches = 0; batches < options.MaxBatchesPerRun; batches++)
        {
            var result = await DispatchBatchAsync(cancellationToken);
            total += result;
            if (result.Claimed < options.BatchSize)
            {
                break;
            }
        }
        return total;
    }

    public async Task<DispatchResult> DispatchBatchAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = (await connection.QueryAsync<OutboxRowData>(new CommandDefinition(
            """
            select id, case_id as CaseId, recipient, template, data::text as DataJson, attempts
            from outbox
            where sent_at is null and failed_at is null and due_at <= @now
            order by due_at, id
            limit @limit
            for update skip locked
            """, new { now = clock.GetUtcNow().UtcDateTime, limit = options.BatchSize }, transaction,
            cancellationToken: cancellationToken))).ToList();

        int sent = 0, retrying = 0, givenUp = 0;
        foreach (var row in claimed)
        {
            var attempt = row.Attempts + 1;
            try
            {
                await channel.SendAsync(new OutboxMessage(row.Id, row.CaseId, row.Recipient, row.Template, row.DataJson, attempt), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var giveUp = attempt >= options.MaxAttempts;
                var now = clock.GetUtcNow();
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    update outbox
                    set attempts = @attempt, last_error = @error, due_at = @retryAt,
                        failed_at = case when @giveUp then @now else null end
                    where id = @id
                    """,
                    new { row.Id, attempt, error = $"{e.GetType().Name}: {e.Message}", retryAt = (now + options.RetryDelay(attempt)).UtcDateTime, giveUp, now = now.UtcDateTime },
                    transaction, cancellationToken: cancellationToken));
                if (giveUp)
                {
                    givenUp++;
                }
                else
                {
                    retrying++;
                }
                continue;
            }
            await connection.ExecuteAsync(new CommandDefinition(
                """
                update outbox set attempts = @attempt, sent_at = @now, last_error = null where id = @id
                """,
                new { row.Id, attempt, now = clock.GetUtcNow().UtcDateTime }, transaction, cancellationToken: cancellationToken));
            sent++;
        }
        await transaction.CommitAsync(cancellationToken);
        return new DispatchResult(claimed.Count, sent, retrying, givenUp);
    }

    private sealed record OutboxRowData(long Id, Guid? CaseId, string Recipient, string Template, string DataJson, int Attempts);
}
