using System.Security.Claims;
using System.Text.Json.Nodes;
using ServiceWindow.Host.Api.Applicants;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Api.Cases;

/// Turns stored cases into what the API shows, with names in the request's language and personal
/// data masked unless the caller asked for (and was allowed) the full view.
public sealed class CaseViews(IWorkflowCatalog catalog)
{
    public CaseDetailResponse Detail(CaseSummary summary, ClaimsPrincipal user, bool full)
    {
        var state = CaseStateJson.Deserialize(summary.StateJson);
        var definition = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion);
        var inputs = state.Data.Inputs;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var stage = definition.Stages.FirstOrDefault(s => s.Id == summary.Stage);
        var actions = state.IsClosed || stage is null
            ? []
            : stage.Actions.Where(a => a.Roles.Overlaps(roles)).Select(a => a.Id).ToList();
        var materials = inputs.TryGetValue(CaseInputs.MaterialsReceived, out var received) && received.Length > 0
            ? received.Split(',')
            : [];
        return new CaseDetailResponse(summary.Id, summary.ReceiptNumber, Item(definition), summary.DefinitionVersion,
            Stage(definition, summary.Stage), summary.Version, summary.WindowId, summary.HandlerId, summary.FirstInquiryOwner,
            state.OpenedAt, summary.AcceptedAt, summary.PromisedDue, summary.StatutoryDue, summary.WarningLevel, summary.CompletedAt,
            state.Outcome, Applicant(inputs, full), materials,
            inputs.Where(i => !CaseInputs.Reserved.Contains(i.Key) && i.Key != CaseInputs.Applicant)
                .OrderBy(i => i.Key, StringComparer.Ordinal).ToDictionary(i => i.Key, i => i.Value),
            actions);
    }

    public CaseListItem ListItem(CaseSummary summary, DateTimeOffset now)
    {
        var state = CaseStateJson.Deserialize(summary.StateJson);
        var definition = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion);
        var overdue = summary.PromisedDue is { } due && (summary.CompletedAt ?? now) > due;
        return new CaseListItem(summary.Id, summary.ReceiptNumber, Item(definition), Stage(definition, summary.Stage), summary.Version,
            summary.WindowId, summary.HandlerId, summary.AcceptedAt, summary.PromisedDue, summary.StatutoryDue, summary.WarningLevel,
            overdue, summary.CompletedAt, Applicant(state.Data.Inputs, full: false));
    }

    public static HistoryEntryResponse History(HistoryItem entry) =>
        new(entry.Sequence, entry.Kind, entry.ActorId, entry.At, entry.Action, entry.FromStage, entry.ToStage, Masked(JsonNode.Parse(entry.PayloadJson)));

    public static NamedRef Item(WorkflowDefinition definition) => new(definition.Id, Pick(definition.Name));

    public static NamedRef Stage(WorkflowDefinition definition, string stageId) =>
        new(stageId, definition.Stages.FirstOrDefault(s => s.Id == stageId) is { } stage ? Pick(stage.Name) : stageId);

    public static string Pick(LocalizedText text) => ApiText.English ? text.En : text.Zh;

    private static ApplicantView Applicant(IReadOnlyDictionary<string, string> inputs, bool full)
    {
        var idNumber = inputs.GetValueOrDefault(CaseInputs.ApplicantIdNumber);
        var phone = inputs.GetValueOrDefault(CaseInputs.ApplicantPhone);
        return new ApplicantView(inputs.GetValueOrDefault(CaseInputs.ApplicantName) ?? inputs.GetValueOrDefault(CaseInputs.Applicant),
            full ? idNumber : PersonalDataMask.IdNumber(idNumber), full ? phone : PersonalDataMask.Phone(phone), full);
    }

    // History payloads carry the inputs each command gave, the applicant's among them.
    private static JsonNode? Masked(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var s) && CaseInputs.Personal.Contains(name))
                    {
                        obj[name] = name == CaseInputs.ApplicantPhone ? PersonalDataMask.Phone(s) : PersonalDataMask.IdNumber(s);
                    }
                    else
                    {
                        Masked(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Masked(item);
                }
                break;
        }
        return node;
    }
}
