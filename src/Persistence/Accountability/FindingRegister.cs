using Dapper;
using Npgsql;
using ServiceWindow.Workflows.Accountability;

namespace ServiceWindow.Persistence.Accountability;

/// The accountability register: findings by person and by window, and their flow open → statement by
/// the person → confirmed or dismissed by the efficiency office. Every step is a compare-and-set on the
/// finding's status (`where status = 'open'`), so of two offices deciding at once exactly one wins and
/// the other is told, rather than overwriting the first decision.
public sealed class FindingRegister(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns =
        """
        id, kind, case_id as CaseId, window_id as WindowId, responsible_staff_id as ResponsibleStaffId, reason,
        evidence_sequences as EvidenceSequences, status, opened_at as OpenedAt, statement, statement_at as StatementAt,
        decided_at as DecidedAt, decided_by as DecidedBy
        """;

    public async Task<IReadOnlyList<Finding>> ListAsync(string? staffId, string? windowId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A window's findings are those filed against it and those on cases opened at it.
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            select {Columns}
            from findings f
            where (@staffId::text is null or f.responsible_staff_id = @staffId)
              and (@windowId::text is null or f.window_id = @windowId
                   or exists (select 1 from cases c where c.id = f.case_id and c.window_id = @windowId))
            order by f.opened_at, f.id
            """, new { staffId, windowId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToFinding())];
    }

    public async Task<Finding?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"select {Columns} from findings where id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToFinding();
    }

    /// The named person's statement, once, while the finding is open.
    /// <exception cref="FindingConflictException">Decided, already stated, or not this person's finding.</exception>
    public async Task<Finding> StateAsync(Guid id, string staffId, string statement, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        return await StepAsync(id, "statement",
            """
            update findings set statement = @statement, statement_at = @now
            where id = @id and status = 'open' and statement is null and responsible_staff_id = @staffId
            """, new { id, staffId, statement = statement.Trim(), now = clock.GetUtcNow().UtcDateTime }, cancellationToken);
    }

    /// The efficiency office confirms a stated finding.
    /// <exception cref="FindingConflictException">Not open, or the person has not stated yet.</exception>
    public Task<Finding> ConfirmAsync(Guid id, string officerId, CancellationToken cancellationToken = default) =>
        DecideAsync(id, "confirmed", officerId, cancellationToken);

    /// The efficiency office dismisses a stated finding.
    /// <exception cref="FindingConflictException">Not open, or the person has not stated yet.</exception>
    public Task<Finding> DismissAsync(Guid id, string officerId, CancellationToken cancellationToken = default) =>
        DecideAsync(id, "dismissed", officerId, cancellationToken);

    /// Files the interview finding (约谈) of a window's chief for a ranking month; a second call for the
    /// same window and month files nothing and returns null.
    public async Task<Guid?> OpenInterviewAsync(string windowId, string chiefId, DateOnly rankingMonth, string reason,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var id = Guid.NewGuid();
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into findings (id, kind, window_id, responsible_staff_id, reason, opened_at, ranking_month)
            values (@id, 'interview', @windowId, @chiefId, @reason, @now, @month)
            on conflict (window_id, ranking_month) where kind = 'interview' do nothing
            """,
            new { id, windowId, chiefId, reason, now = clock.GetUtcNow().UtcDateTime, month = rankingMonth.ToDateTime(TimeOnly.MinValue) },
            cancellationToken: cancellationToken));
        return inserted == 1 ? id : null;
    }

    private Task<Finding> DecideAsync(Guid id, string status, string officerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officerId);
        return StepAsync(id, status,
            """
            update findings set status = @status, decided_at = @now, decided_by = @officerId
            where id = @id and status = 'open' and statement is not null
            """, new { id, status, officerId, now = clock.GetUtcNow().UtcDateTime }, cancellationToken);
    }

    private async Task<Finding> StepAsync(Guid id, string step, string sql, object parameters, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) != 1)
            {
                throw new FindingConflictException(id, step);
            }
        }
        return (await GetAsync(id, cancellationToken))!;
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc), TimeSpan.Zero);

    // Settable members rather than a constructor: Dapper reads integer[] as an Array, which no constructor matches.
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public Guid? CaseId { get; init; }
        public string? WindowId { get; init; }
        public string ResponsibleStaffId { get; init; } = "";
        public string Reason { get; init; } = "";
        public int[] EvidenceSequences { get; init; } = [];
        public string Status { get; init; } = "";
        public DateTime OpenedAt { get; init; }
        public string? Statement { get; init; }
        public DateTime? StatementAt { get; init; }
        public DateTime? DecidedAt { get; init; }
        public string? DecidedBy { get; init; }

        public Finding ToFinding() => new(Id, Enum.Parse<FindingKind>(Kind.Replace("_", "", StringComparison.Ordinal), ignoreCase: true), CaseId, WindowId,
            ResponsibleStaffId, Reason, EvidenceSequences, Enum.Parse<FindingStatus>(Status, ignoreCase: true), Utc(OpenedAt), Statement,
            StatementAt is { } s ? Utc(s) : null, DecidedAt is { } d ? Utc(d) : null, DecidedBy);
    }
}
