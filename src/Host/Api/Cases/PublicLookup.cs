using System.Security.Cryptography;
using System.Text;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Api.Cases;

/// The citizen's look-up with receipt number and secret, and their rating of a completed case.
/// An unknown receipt and a wrong secret take the same path (one query, one hash comparison in
/// constant time) and give the same answer, so neither timing nor body tells them apart.
public sealed class PublicLookup(CaseQueries queries, CaseRatings ratings, IWorkflowCatalog catalog, TimeProvider clock)
{
    private static readonly string DecoyHash = IntakeReceipts.Hash("no such receipt");

    public async Task<PublicCaseResponse> FindAsync(string receiptNumber, string? secret, CancellationToken cancellationToken = default)
    {
        var found = await MatchAsync(receiptNumber, secret, cancellationToken);
        var state = CaseStateJson.Deserialize(found.StateJson);
        var definition = catalog.Definition(found.DefinitionId, found.DefinitionVersion);
        var stage = definition.Stages.FirstOrDefault(s => s.Id == found.Stage);
        // What is missing: the latest supplement notice, while the case waits for it with its clock paused.
        var missing = stage is { Clock: ClockMode.Paused, Special: null } && state.Data.Supplements.Count > 0
            ? state.Data.Supplements[^1].Materials
                .Select(id => definition.Item.Materials.FirstOrDefault(m => m.Id == id) is { } material ? CaseViews.Pick(material.Name) : id)
                .ToList()
            : [];
        return new PublicCaseResponse(CaseViews.Pick(definition.Name), CaseViews.Stage(definition, found.Stage).Name, found.PromisedDue, missing);
    }

    public async Task RateAsync(string receiptNumber, RatingRequest request, CancellationToken cancellationToken = default)
    {
        var validation = new Validation();
        if (request.Score is not { } score || score is < 1 or > 5)
        {
            validation.Add("$.score", ApiText.Get("validation.range", 1, 5));
        }
        if (!string.IsNullOrWhiteSpace(request.Comment))
        {
            validation.Text("$.comment", request.Comment, 0, 500);
        }
        validation.Text("$.secret", request.Secret, 1, 64);
        validation.ThrowIfInvalid();
        var found = await MatchAsync(receiptNumber, request.Secret, cancellationToken);
        if (found.CompletedAt is null)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "rating.notcompleted");
        }
        if (!await ratings.TryRateAsync(found.CaseId, found.WindowId, found.HandlerId, request.Score!.Value,
                string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), clock.GetUtcNow(), cancellationToken))
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "rating.exists");
        }
    }

    private async Task<ReceiptLookup> MatchAsync(string receiptNumber, string? secret, CancellationToken cancellationToken)
    {
        var found = receiptNumber.Length <= 64 ? await queries.FindReceiptAsync(receiptNumber, cancellationToken) : null;
        var given = Encoding.ASCII.GetBytes(IntakeReceipts.Hash(secret ?? ""));
        var stored = Encoding.ASCII.GetBytes(found?.SecretHash ?? DecoyHash);
        var matches = CryptographicOperations.FixedTimeEquals(given, stored);
        return found is not null && matches && !string.IsNullOrEmpty(secret)
            ? found
            : throw new ApiProblemException(StatusCodes.Status404NotFound, "receipt.notfound");
    }
}
