using System.Collections.Concurrent;
using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Queries;

/// The read side of cases: details, lists with filters, queues, history and the receipt lookup.
/// Visibility is applied here, in SQL, so a page never holds a case its reader may not see.
/// The case's window is the `window_id` column, set from the window it was opened at.
public sealed class CaseQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = CaseSummaryRow.Columns;

    // Windows are never removed, so a window found once is not asked for again on every intake; an id
    // not found is asked each time, since the window may be added. The cases' foreign key has the last word.
    private readonly ConcurrentDictionary<string, bool> knownWindows = new(StringComparer.Ordinal);

    private const string Visible =
        """
        (@everything
         or c.handler_id = @staffId or c.first_inquiry_owner = @staffId
         or (@windowId::text is not null and c.window_id = @windowId)
         or (@departmentId::text is not null and exists (select 1 from windows w
                 where w.id = c.window_id and w.department_id = @departmentId)))
        """;

    public async Task<CaseSummary?> FindAsync(Guid id, CaseScope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CaseSummaryRow>(new CommandDefinition(
            $"""
            select {Columns}
            from cases c where c.id = @id and {Visible}
            """, Parameters(scope, new Dictionary<string, object?> { ["id"] = id }), cancellationToken: cancellationToken));
        return row?.ToSummary();
    }

    private const string Filters =
        """
          and (@stage::text is null or c.stage = @stage)
          and (@window::text is null or c.window_id = @window)
          and (@handler::text is null or c.handler_id = @handler)
          and (@warning::text is null or c.warning_level = @warning)
          and (@overdue::boolean is null or @overdue = (c.promised_deadline is not null
               and coalesce(c.completed_at, @now) > c.promised_deadline))
          and (@acceptedFrom::timestamptz is null or c.accepted_at >= @acceptedFrom)
          and (@acceptedBefore::timestamptz is null or c.accepted_at < @acceptedBefore)
        """;

    public async Task<CasePage> ListAsync(CaseFilter filter, CaseScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = Parameters(scope, new Dictionary<string, object?>
        {
            ["stage"] = filter.Stage, ["window"] = filter.Window, ["handler"] = filter.Handler, ["warning"] = filter.Warning,
            ["overdue"] = filter.Overdue, ["now"] = now.ToUniversalTime(), ["acceptedFrom"] = filter.AcceptedFrom?.ToUniversalTime(),
            ["acceptedBefore"] = filter.AcceptedBefore?.ToUniversalTime(), ["pageSize"] = filter.PageSize, ["offset"] = (filter.Page - 1) * filter.PageSize,
        });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<PagedRow>(new CommandDefinition(
            $"""
            select {Columns}, count(*) over () as Total
            from cases c
            where {Visible}
            {Filters}
            order by c.created_at desc, c.id
            limit @pageSize offset @offset
            """, parameters, cancellationToken: cancellationToken))).ToList();
        // A page past the end has no row to carry the total, so it is counted on its own.
        var total = rows.Count > 0 ? rows[0].Total : await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            select count(*) from cases c
            where {Visible}
            {Filters}
            """, parameters, cancellationToken: cancellationToken));
        return new CasePage(rows.Select(r => r.ToSummary()).ToList(), total);
    }

    /// The most cases a queue holds. Without a bound, every intake a clerk took stayed in the
    /// clerk's queue until someone was assigned, and under sustained intake each read grew with
    /// the day (2 s per read after 700 intakes in the load run of docs/reliability.md).
    public const int QueueLimit = 200;

    /// The open cases <paramref name="staffId"/> is responsible for, the nearest promised deadline
    /// first, at most <see cref="QueueLimit"/> of them.
    public async Task<IReadOnlyList<CaseSummary>> QueueAsync(string staffId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseSummaryRow>(new CommandDefinition(
            $"""
            select {Columns}
            from cases c
            where c.id in ((select id from cases
                            where handler_id = @staffId and completed_at is null
                            order by promised_deadline nulls last, created_at
                            limit @limit)
                           union all
                           (select id from cases
                            where first_inquiry_owner = @staffId and handler_id is null and completed_at is null
                            order by promised_deadline nulls last, created_at
                            limit @limit))
            order by c.promised_deadline nulls last, c.created_at
            limit @limit
            """, new { staffId, limit = QueueLimit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSummary()).ToList();
    }

    public async Task<IReadOnlyList<HistoryItem>> HistoryAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            """
            select sequence as Sequence, kind as Kind, actor_id as ActorId, at as At, action as Action, from_stage as FromStage,
                   to_stage as ToStage, payload::text as PayloadJson
            from case_history where case_id = @caseId order by sequence
            """, new { caseId }, cancellationToken: cancellationToken));
        return rows.Select(r => new HistoryItem(r.Sequence, r.Kind, r.ActorId, Utc(r.At), r.Action, r.FromStage, r.ToStage, r.PayloadJson))
            .ToList();
    }

    public async Task<ReceiptLookup?> FindReceiptAsync(string receiptNumber, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReceiptRow>(new CommandDefinition(
            """
            select c.id as CaseId, c.definition_id as DefinitionId, c.definition_version as DefinitionVersion, c.stage as Stage,
                   c.lookup_secret_hash as SecretHash, c.promised_deadline as PromisedDue, c.completed_at as CompletedAt,
                   c.window_id as WindowId, c.handler_id as HandlerId, c.state::text as StateJson
            from cases c
            where c.receipt_number = @receiptNumber
            """, new { receiptNumber }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new ReceiptLookup(row.CaseId, row.DefinitionId, row.DefinitionVersion, row.Stage, row.SecretHash, Utc(row.PromisedDue),
                Utc(row.CompletedAt), row.WindowId, row.HandlerId, row.StateJson);
    }

    public async Task<IReadOnlyList<WindowItem>> WindowsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<WindowRow>(new CommandDefinition(
            """
            select w.id as Code, w.name_zh as NameZh, w.name_en as NameEn, d.id as DepartmentId, d.name_zh as DepartmentNameZh,
                   d.name_en as DepartmentNameEn,
                   coalesce((select array_agg(si.definition_id order by si.definition_id) from window_service_items wsi
                             join service_items si on si.code = wsi.service_item_code where wsi.window_id = w.id), '{}') as ServiceItems
            from windows w join departments d on d.id = w.department_id
            order by w.id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new WindowItem(r.Code, r.NameZh, r.NameEn, r.DepartmentId, r.DepartmentNameZh, r.DepartmentNameEn, r.ServiceItems))
            .ToList();
    }

    public async Task<bool> WindowExistsAsync(string windowId, CancellationToken cancellationToken = default)
    {
        if (knownWindows.ContainsKey(windowId))
        {
            return true;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from windows where id = @windowId)", new { windowId }, cancellationToken: cancellationToken));
        if (exists)
        {
            knownWindows.TryAdd(windowId, true);
        }
        return exists;
    }

    private static DynamicParameters Parameters(CaseScope scope, Dictionary<string, object?> more)
    {
        var parameters = new DynamicParameters(more);
        parameters.Add("everything", scope.Everything);
        parameters.Add("staffId", scope.StaffId);
        parameters.Add("windowId", scope.WindowId);
        parameters.Add("departmentId", scope.DepartmentId);
        return parameters;
    }

    private sealed class HistoryRow
    {
        public int Sequence { get; init; }
        public string Kind { get; init; } = "";
        public string? ActorId { get; init; }
        public DateTime At { get; init; }
        public string? Action { get; init; }
        public string? FromStage { get; init; }
        public string? ToStage { get; init; }
        public string PayloadJson { get; init; } = "";
    }

    private sealed class ReceiptRow
    {
        public Guid CaseId { get; init; }
        public string DefinitionId { get; init; } = "";
        public int DefinitionVersion { get; init; }
        public string Stage { get; init; } = "";
        public string? SecretHash { get; init; }
        public DateTime? PromisedDue { get; init; }
        public DateTime? CompletedAt { get; init; }
        public string? WindowId { get; init; }
        public string? HandlerId { get; init; }
        public string StateJson { get; init; } = "";
    }

    private sealed class WindowRow
    {
        public string Code { get; init; } = "";
        public string NameZh { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string DepartmentId { get; init; } = "";
        public string DepartmentNameZh { get; init; } = "";
        public string DepartmentNameEn { get; init; } = "";
        public string[] ServiceItems { get; init; } = [];
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    private sealed class PagedRow : CaseSummaryRow
    {
        public long Total { get; init; }
    }
}
