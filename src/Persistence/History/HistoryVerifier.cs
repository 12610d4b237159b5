using System.Data;
using Npgsql;

namespace ServiceWindow.Persistence.History;

/// Walks every case's history in sequence order and reports, per case, the first entry whose
/// sequence, link or hash does not match, cases whose row counts more entries than remain or names
/// another last entry, and entries whose case does not exist.
/// Streams the table, so memory stays flat however long the history is.
public sealed class HistoryVerifier(NpgsqlDataSource dataSource)
{
    public async Task<HistoryVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var broken = new List<BrokenEntry>();
        var expected = await ExpectedEndsAsync(connection, cancellationToken);
        long cases = 0, entries = 0;

        await using (var command = new NpgsqlCommand(
            """
            select case_id, sequence, kind, actor_id, at, action, from_stage, to_stage, payload::text, prev_hash, hash
            from case_history
            order by case_id, sequence
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            Guid? currentCase = null;
            string? previousHash = null;
            var previousSequence = 0;
            var caseBroken = false;
            while (await reader.ReadAsync(cancellationToken))
            {
                var caseId = reader.GetGuid(0);
                var sequence = reader.GetInt32(1);
                var kind = reader.GetString(2);
                var actorId = reader.IsDBNull(3) ? null : reader.GetString(3);
                var at = reader.GetFieldValue<DateTime>(4);
                var action = reader.IsDBNull(5) ? null : reader.GetString(5);
                var fromStage = reader.IsDBNull(6) ? null : reader.GetString(6);
                var toStage = reader.IsDBNull(7) ? null : reader.GetString(7);
                var payload = reader.GetString(8);
                var storedPrevious = reader.IsDBNull(9) ? null : reader.GetString(9);
                var storedHash = reader.GetString(10);
                entries++;

                if (caseId != currentCase)
                {
                    if (currentCase is { } done)
                    {
                        FinishCase(done, caseBroken, previousSequence, previousHash, expected, broken);
                    }
                    currentCase = caseId;
                    cases++;
                    previousHash = null;
                    previousSequence = 0;
                    caseBroken = false;
                }
                if (caseBroken)
                {
                    continue;
                }

                var reason =
                    sequence != previousSequence + 1 ? $"expected entry {previousSequence + 1}, found {sequence} (entries missing)"
                    : storedPrevious != previousHash ? "does not link to the entry before it"
                    : storedHash != HistoryHash.Compute(previousHash, caseId, sequence, kind, actorId, at, action, fromStage, toStage, payload)
                        ? "content does not match its hash (edited after it was written)"
                    : null;
                if (reason is not null)
                {
                    // A gap is reported at the first missing sequence, not at the entry after it.
                    broken.Add(new BrokenEntry(caseId, Math.Min(sequence, previousSequence + 1), reason));
                    caseBroken = true;
                    continue;
                }
                previousHash = storedHash;
                previousSequence = sequence;
            }
            if (currentCase is { } last)
            {
                FinishCase(last, caseBroken, previousSequence, previousHash, expected, broken);
            }
        }

        // What is left are cases the walk never met: every entry of theirs was removed.
        foreach (var (caseId, (length, _)) in expected.Where(c => c.Value.Length > 0))
        {
            broken.Add(new BrokenEntry(caseId, 1, $"case records {length} entries but none remain"));
        }
        return new HistoryVerification(cases, entries, broken.OrderBy(b => b.CaseId).ToList());
    }

    private static void FinishCase(Guid caseId, bool caseBroken, int lastSequence, string? lastHash,
        Dictionary<Guid, (int Length, string? Head)> expected, List<BrokenEntry> broken)
    {
        if (!expected.Remove(caseId, out var end))
        {
            broken.Add(new BrokenEntry(caseId, 1, "entries of a case that does not exist"));
            return;
        }
        if (caseBroken)
        {
            return;
        }
        if (end.Length > lastSequence)
        {
            broken.Add(new BrokenEntry(caseId, lastSequence + 1, $"case records {end.Length} entries but the chain ends at {lastSequence}"));
        }
        else if (end.Head != lastHash)
        {
            broken.Add(new BrokenEntry(caseId, lastSequence, "the case row names another last entry (the chain was rewritten)"));
        }
    }

    private static async Task<Dictionary<Guid, (int Length, string? Head)>> ExpectedEndsAsync(NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var ends = new Dictionary<Guid, (int, string?)>();
        await using var command = new NpgsqlCommand("select id, history_length, history_head from cases", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ends[reader.GetGuid(0)] = (reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        return ends;
    }
}
