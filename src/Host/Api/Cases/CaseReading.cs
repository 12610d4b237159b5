using System.Globalization;
using System.Security.Claims;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Audit;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;

namespace ServiceWindow.Host.Api.Cases;

/// Reading cases: a case's detail (in full for those who handle it, each full view recorded in its
/// history), its timeline, lists with filters and a person's queue. A case the reader may not see
/// is "not found", the same as one that does not exist.
public sealed class CaseReading(CaseQueries queries, FullViewAudit audit, CaseViews views, IWorkflowCatalog catalog, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// Roles that work a case at its window or department and so may see the applicant in full.
    public static IReadOnlyList<string> FullViewRoles { get; } = [StaffRoles.Clerk, StaffRoles.Handler, StaffRoles.SectionChief];

    public async Task<CaseDetailResponse> DetailAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        var full = FullViewRoles.Any(user.IsInRole);
        // A concurrent command or view may move the chain between the read and the audit entry: read again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var summary = await queries.FindAsync(id, user.CaseScope(), cancellationToken) ?? throw new CaseNotFoundException(id);
            if (!full || await audit.TryRecordAsync(id, summary.HistoryLength, summary.HistoryHead, user.StaffId(), clock.GetUtcNow(), cancellationToken))
            {
                return views.Detail(summary, user, full);
            }
        }
        throw new ConcurrencyConflictException(id, 0);
    }

    /// The case as its reader sees it, masked, without a full view.
    public async Task<CaseDetailResponse> SummaryAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        var summary = await queries.FindAsync(id, user.CaseScope(), cancellationToken) ?? throw new CaseNotFoundException(id);
        return views.Detail(summary, user, full: false);
    }

    public async Task<IReadOnlyList<HistoryEntryResponse>> HistoryAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        _ = await queries.FindAsync(id, user.CaseScope(), cancellationToken) ?? throw new CaseNotFoundException(id);
        return (await queries.HistoryAsync(id, cancellationToken)).Select(CaseViews.History).ToList();
    }

    public async Task<CaseListResponse> ListAsync(ClaimsPrincipal user, IQueryCollection query, CancellationToken cancellationToken = default)
    {
        var filter = Filter(query);
        var now = clock.GetUtcNow();
        var page = await queries.ListAsync(filter, user.CaseScope(), now, cancellationToken);
        return new CaseListResponse(page.Items.Select(c => views.ListItem(c, now)).ToList(), page.Total, filter.Page, filter.PageSize);
    }

    public async Task<IReadOnlyList<CaseListItem>> QueueAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return (await queries.QueueAsync(user.StaffId(), cancellationToken)).Select(c => views.ListItem(c, now)).ToList();
    }

    private static readonly HashSet<string> FilterNames =
        ["stage", "window", "handler", "warning", "overdue", "acceptedFrom", "acceptedTo", "page", "pageSize"];

    private static readonly HashSet<string> WarningLevels = ["none", "yellow", "red", "statutory_red"];

    private CaseFilter Filter(IQueryCollection query)
    {
        var validation = new Validation();
        foreach (var name in query.Keys.Where(k => !FilterNames.Contains(k)))
        {
            validation.Add(name, ApiText.Get("validation.field"));
        }
        string? Text(string name) => query.TryGetValue(name, out var value) ? validation.Text(name, value.ToString(), 1, 100) : null;
        int Number(string name, int fallback, int min, int max)
        {
            if (!query.TryGetValue(name, out var value))
            {
                return fallback;
            }
            if (!int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            {
                validation.Add(name, ApiText.Get("validation.range", min, max));
                return fallback;
            }
            return number;
        }
        DateTimeOffset? Day(string name, int plusDays)
        {
            if (!query.TryGetValue(name, out var value))
            {
                return null;
            }
            if (!DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                validation.Add(name, ApiText.Get("validation.date"));
                return null;
            }
            var local = day.AddDays(plusDays).ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, catalog.Calendar.TimeZone.GetUtcOffset(local));
        }
        bool? overdue = null;
        if (query.TryGetValue("overdue", out var overdueText))
        {
            if (bool.TryParse(overdueText.ToString(), out var parsed))
            {
                overdue = parsed;
            }
            else
            {
                validation.Add("overdue", ApiText.Get("validation.bool"));
            }
        }
        var warning = Text("warning");
        if (warning is not null && !WarningLevels.Contains(warning))
        {
            validation.Add("warning", ApiText.Get("validation.warning"));
        }
        var filter = new CaseFilter(Text("stage"), Text("window"), Text("handler"), warning, overdue, Day("acceptedFrom", 0), Day("acceptedTo", 1),
            Number("page", 1, 1, 100_000), Number("pageSize", 20, 1, MaxPageSize));
        validation.ThrowIfInvalid();
        return filter;
    }
}
