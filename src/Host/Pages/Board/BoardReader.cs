using System.Security.Claims;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Pages.Shared;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Board;

/// Reads the supervisor board for one reader: their open cases (a section chief's department, a
/// leader's or the efficiency office's everything) sorted into the board's lists. Card colours are
/// each case's clock read now against its definition's WarningThresholds, not the level stored at
/// the last transition, so a card turns yellow or red as time passes without any command.
public sealed class BoardReader(BoardQueries board, CaseQueries cases, CaseViews views, FindingRegister findings,
    IWorkflowCatalog catalog, TimeProvider clock)
{
    // Bad reviews are cases of this item: the rectification a bad review sets off.
    public const string BadReviewDefinition = "bad-review-rectification";

    // The input a referral names its receiving window by (inquiry-referral's `refer`).
    private const string TargetWindowInput = "target_window";

    public async Task<BoardView> ReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var open = await board.OpenCasesAsync(user.CaseScope(), cancellationToken);
        var windows = (await cases.WindowsAsync(cancellationToken)).ToDictionary(w => w.Code, StringComparer.Ordinal);

        var cards = new List<BoardCase>();
        var referrals = new List<BoardReferral>();
        var extensions = new List<BoardExtension>();
        var badReviews = new List<BoardCase>();
        foreach (var summary in open)
        {
            var state = CaseStateJson.Deserialize(summary.StateJson);
            var definition = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion);
            var stage = definition.Stages.FirstOrDefault(s => s.Id == summary.Stage);
            var snapshot = state.Clock?.Snapshot(catalog.Calendar, now, definition.Warnings);
            var item = new BoardCase(views.ListItem(summary, now), snapshot, Level(snapshot));
            if (item.Level != "none")
            {
                cards.Add(item);
            }
            if (stage is not null && stage.Actions.Any(a => a.Kind == ActionKind.Acknowledge))
            {
                referrals.Add(Referral(item, state.Data.Inputs.GetValueOrDefault(TargetWindowInput), state.Timers
                    .Where(t => t.Key.StartsWith($"stage:{summary.Stage}:", StringComparison.Ordinal))
                    .Select(t => (DateTimeOffset?)t.DueAt).Min(), now));
            }
            if (state.Data.PendingExtension is { } request)
            {
                var approve = stage?.Actions.FirstOrDefault(a => a.Kind == ActionKind.ApproveExtension && a.Roles.Overlaps(roles));
                extensions.Add(new BoardExtension(item.Case, request, approve?.Id));
            }
            if (summary.DefinitionId == BadReviewDefinition)
            {
                badReviews.Add(item);
            }
        }

        var byWindow = cards
            .GroupBy(c => c.Case.Window)
            .Select(g => new BoardWindow(g.Key, WindowName(g.Key, windows),
                [.. g.OrderBy(c => c.Clock?.WorkingMinutesRemaining ?? long.MaxValue)]))
            .OrderBy(w => w.WindowId ?? "\uffff", StringComparer.Ordinal)
            .ToList();
        var register = user.IsInRole(StaffRoles.EfficiencyOffice) || user.IsInRole(StaffRoles.Leader)
            ? (await findings.ListAsync(null, null, cancellationToken)).Where(f => f.Status == FindingStatus.Open).ToList()
            : null;
        return new BoardView(now, byWindow, [.. referrals.OrderBy(r => r.WorkingMinutesLeft ?? long.MaxValue)],
            extensions, register, user.IsInRole(StaffRoles.EfficiencyOffice), badReviews);
    }

    private BoardReferral Referral(BoardCase item, string? target, DateTimeOffset? due, DateTimeOffset now)
    {
        var calendar = catalog.Calendar;
        long? left = due is { } at ? (calendar.WorkingSecondPosition(at) - calendar.WorkingSecondPosition(now)) / 60 : null;
        return new BoardReferral(item.Case, target, due, left);
    }

    private static string WindowName(string? id, Dictionary<string, WindowItem> windows) =>
        id is not null && windows.TryGetValue(id, out var window) ? Localized.Text(window.NameZh, window.NameEn) : id ?? "—";

    private static string Level(ClockSnapshot? snapshot) => snapshot?.Warning switch
    {
        WarningLevel.Yellow => "yellow",
        WarningLevel.Red => "red",
        WarningLevel.StatutoryRed => "statutory_red",
        _ => "none",
    };
}
