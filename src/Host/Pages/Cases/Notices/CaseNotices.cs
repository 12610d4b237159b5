using System.Security.Claims;
using System.Text.Json.Nodes;
using ServiceWindow.Host.Pages.Shared;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Cases.Notices;

/// Reads what the notices print, within the reader's case scope (a case they may not see is not
/// found). Notices name the applicant but print no ID or phone number, so reading one is no full view.
public sealed class CaseNotices(CaseQueries queries, IWorkflowCatalog catalog)
{
    public static readonly IReadOnlySet<string> RefusalOutcomes = new HashSet<string>(StringComparer.Ordinal) { "refused", "not_accepted" };

    public async Task<NoticeFacts> ReadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        var summary = await queries.FindAsync(id, user.CaseScope(), cancellationToken) ?? throw new CaseNotFoundException(id);
        var state = CaseStateJson.Deserialize(summary.StateJson);
        var definition = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion);
        var history = await queries.HistoryAsync(id, cancellationToken);
        var inputs = state.Data.Inputs;
        string Material(string material) =>
            definition.Item.Materials.FirstOrDefault(m => m.Id == material) is { } found ? Localized.Text(found.Name) : material;

        var received = inputs.TryGetValue(CaseInputs.MaterialsReceived, out var list) && list.Length > 0 ? list.Split(',') : [];
        var supplement = state.Data.Supplements.Count > 0 && state.Data.Supplements[^1] is { } notice
            ? new SupplementFacts(notice.At, notice.IssuedBy, notice.Materials.Select(Material).ToList())
            : null;
        var refusal = state.Outcome is { } outcome && RefusalOutcomes.Contains(outcome)
            && history.LastOrDefault(h => Data(h).ContainsKey("reason")) is { } refused
            ? new RefusalFacts(refused.At, Data(refused)["reason"])
            : null;
        var extension = state.Clock is { Extensions.Count: > 0 } clock ? Extension(definition, history, clock.Extensions[^1], state.PromisedDue) : null;
        return new NoticeFacts(id, summary.ReceiptNumber, Localized.Text(definition.Name),
            inputs.GetValueOrDefault(CaseInputs.ApplicantName) ?? inputs.GetValueOrDefault(CaseInputs.Applicant), summary.WindowId,
            state.OpenedAt, summary.AcceptedAt, summary.PromisedDue, summary.StatutoryDue, state.Outcome, received.Select(Material).ToList(),
            supplement, refusal, extension, definition.Item.LegalBasis);
    }

    private static ExtensionFacts Extension(WorkflowDefinition definition, IReadOnlyList<HistoryItem> history,
        ServiceWindow.Workflows.Clock.ClockExtension approved, DateTimeOffset? promisedDue)
    {
        // The reason travels with the request; the approval that applied it comes after.
        var requested = history.LastOrDefault(h => h.At <= approved.ApprovedAt && h.Action is { } action
            && definition.Stages.Any(s => s.FindAction(action)?.Kind == ActionKind.RequestExtension));
        var reason = requested is null ? "" : Data(requested).GetValueOrDefault("reason") ?? "";
        return new ExtensionFacts(approved.ApprovedAt, approved.Extra, reason, promisedDue);
    }

    private static Dictionary<string, string> Data(HistoryItem entry) =>
        (JsonNode.Parse(entry.PayloadJson)?["data"] as JsonObject)?
            .Where(p => p.Value is JsonValue)
            .ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
