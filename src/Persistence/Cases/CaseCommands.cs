using System.Security.Cryptography;
using System.Text;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Cases;

/// The command path: read the case, run the engine, commit the result in one transaction through
/// <see cref="CaseStore"/>. With an idempotency key, a retried command returns its first outcome
/// and writes nothing. A stale version, from the engine's check or from the guarded update, is a
/// <see cref="ConcurrencyConflictException"/>; any other refusal is the engine's
/// <see cref="TransitionRefusedException"/>.
public sealed class CaseCommands(CaseStore store, IWorkflowCatalog catalog, WorkflowEngine engine, TimeProvider clock)
{
    public async Task<CommandOutcome> OpenAsync(string definitionId, Guid caseId, CaseCommand command, string? idempotencyKey = null,
        Receipt? receipt = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionId);
        ArgumentNullException.ThrowIfNull(command);
        // No look-up first: opening does not depend on stored state, and a retry loses on the
        // idempotency key (the batch's first statement) and gets the first outcome back.
        var requestHash = idempotencyKey is null ? "" : RequestHash("open", definitionId, caseId, command);
        var now = clock.GetUtcNow();
        TransitionResult result;
        try
        {
            result = engine.Open(catalog.Latest(definitionId), catalog.Calendar, caseId, command, now);
        }
        catch (VersionConflictException e)
        {
            throw new ConcurrencyConflictException(caseId, command.ExpectedVersion, e);
        }
        return await CommitAsync(TransitionMapping.ToChange(result, null, now, receipt), command, idempotencyKey, requestHash, cancellationToken);
    }

    public async Task<CommandOutcome> ExecuteAsync(Guid caseId, CaseCommand command, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var requestHash = idempotencyKey is null ? "" : RequestHash("execute", "", caseId, command);
        if (idempotencyKey is not null && await store.FindResultAsync(idempotencyKey, requestHash, cancellationToken) is { } earlier)
        {
            return Outcome(earlier);
        }
        var stored = await store.LoadAsync(caseId, cancellationToken);
        var now = clock.GetUtcNow();
        command = await WithCountsAsync(stored, command, now, cancellationToken);
        CaseChange? change;
        try
        {
            change = StoredCaseTransition.Apply(stored, catalog, now,
                (definition, state) => engine.Execute(definition, catalog.Calendar, state, command, now));
        }
        catch (VersionConflictException e)
        {
            throw new ConcurrencyConflictException(caseId, command.ExpectedVersion, e);
        }
        if (change is null)
        {
            return new CommandOutcome(caseId, stored.Version, stored.Stage, stored.HistoryLength + 1, stored.HistoryLength);
        }
        return await CommitAsync(change, command, idempotencyKey, requestHash, cancellationToken);
    }

    // The sanction ladder's input is a cross-case fact the engine cannot see, and never the caller's to give:
    // the complaints verified against the same person earlier in this calendar year, in the office's zone.
    private async Task<CaseCommand> WithCountsAsync(StoredCase stored, CaseCommand command, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var definition = catalog.Definition(stored.DefinitionId, stored.DefinitionVersion);
        var action = definition.Stages.FirstOrDefault(s => s.Id == stored.Stage)?.Actions.FirstOrDefault(a => a.Id == command.Action);
        if (action?.Kind != ActionKind.VerifyComplaint
            || !command.Inputs.TryGetValue(InputNames.Against, out var against) || string.IsNullOrWhiteSpace(against))
        {
            return command.PriorVerifiedComplaints is null ? command : command with { PriorVerifiedComplaints = null };
        }
        var zone = catalog.Calendar.TimeZone;
        var newYear = new DateTime(TimeZoneInfo.ConvertTime(now, zone).Year, 1, 1);
        var yearStart = new DateTimeOffset(newYear, zone.GetUtcOffset(newYear));
        var prior = await store.CountVerifiedComplaintsAsync(against, yearStart, now, cancellationToken);
        return command with { PriorVerifiedComplaints = prior };
    }

    private async Task<CommandOutcome> CommitAsync(CaseChange change, CaseCommand command, string? idempotencyKey, string requestHash,
        CancellationToken cancellationToken)
    {
        var outcome = new CommandOutcome(change.Case.Id, change.Case.Version, change.Case.Stage,
            change.History.Count > 0 ? change.History[0].Sequence : change.Case.HistoryLength + 1, change.Case.HistoryLength);
        var record = idempotencyKey is null
            ? null
            : new IdempotencyRecord(idempotencyKey, change.Case.Id, command.Action, requestHash, CaseStateJson.Serialize(outcome));
        var standing = await store.CommitAsync(change, record, cancellationToken);
        return standing is null ? outcome : Outcome(standing);
    }

    private static CommandOutcome Outcome(string json) => CaseStateJson.DeserializeOutcome(json);

    private static string RequestHash(string kind, string definitionId, Guid caseId, CaseCommand command)
    {
        var text = new StringBuilder()
            .Append(kind).Append('\n').Append(definitionId).Append('\n').Append(caseId).Append('\n')
            .Append(command.Action).Append('\n').Append(command.Actor.Id).Append('\n').Append(command.ExpectedVersion);
        foreach (var (name, value) in command.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(name).Append('=').Append(value);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
