using System.Security.Claims;
using System.Text.RegularExpressions;
using Npgsql;
using ServiceWindow.Host.Api.Applicants;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Api.Cases;

/// Intake: checks the request, opens the case through the command path with a receipt, and
/// answers with what the applicant takes home. With an Idempotency-Key a retry answers the same
/// and writes nothing; the same key with another body is refused.
public sealed partial class CaseIntake(CaseCommands commands, CaseQueries queries, IntakeReceipts receipts, IWorkflowCatalog catalog,
    TimeProvider clock)
{
    public const int MaxInputLength = 2000;

    private const string ReceiptNumberConstraint = "cases_receipt_number_key";

    public Task<IntakeResponse> OpenAsync(ClaimsPrincipal user, IntakeRequest request, string? idempotencyKey,
        CancellationToken cancellationToken = default) =>
        OpenAsync(user, request, idempotencyKey, null, null, cancellationToken);

    /// Intake of a matter first raised as an inquiry: the case keeps the inquiry's first-inquiry owner for
    /// life and gets the id the inquiry recorded, so a retry reaches the same case and receipt.
    public Task<IntakeResponse> OpenFromInquiryAsync(ClaimsPrincipal user, IntakeRequest request, Guid caseId, string firstInquiryOwner,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(firstInquiryOwner);
        return OpenAsync(user, request, null, (caseId, firstInquiryOwner), $"intake:inquiry:{caseId}", cancellationToken);
    }

    private async Task<IntakeResponse> OpenAsync(ClaimsPrincipal user, IntakeRequest request, string? idempotencyKey,
        (Guid CaseId, string Owner)? inquiry, string? commandKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var validation = new Validation();
        var key = IdempotencyKey(validation, idempotencyKey);
        var definition = Definition(validation, request.Item);
        var window = validation.Text("$.window", request.Window, 1, 64);
        if (window is not null && !await queries.WindowExistsAsync(window, cancellationToken))
        {
            validation.Add("$.window", ApiText.Get("validation.window"));
        }
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Applicant is null)
        {
            validation.Add("$.applicant", ApiText.Get("validation.required"));
        }
        else
        {
            Applicant(validation, request.Applicant, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, catalog.Calendar.TimeZone).DateTime), inputs);
        }
        var start = StartAction(validation, definition, request.Start);
        Materials(validation, definition, request.MaterialsReceived, inputs);
        Inputs(validation, "$.inputs", request.Inputs, inputs);
        validation.ThrowIfInvalid();

        inputs[CaseInputs.Window] = window!;
        inputs.TryAdd(CaseInputs.Applicant, inputs[CaseInputs.ApplicantName]);
        if (inquiry is { } from)
        {
            inputs[InputNames.FirstInquiryOwner] = from.Owner;
        }
        var actor = user.Actor();
        var caseId = inquiry?.CaseId ?? IntakeReceipts.CaseId(actor.Id, key);
        var secret = await receipts.SecretAsync(caseId, cancellationToken);
        var command = new CaseCommand(start!.Id, actor, 0, inputs);
        var intakeKey = commandKey ?? (key is null ? null : $"intake:{actor.Id}:{key}");
        Receipt receipt;
        CommandOutcome outcome;
        // Six characters of the case id's hash can meet another case's of the same day (one in
        // about 2^31 per pair; the load run met it at 32,000 intakes a day). The intake statement
        // then wrote nothing, so it runs again with the next six characters of the same hash.
        for (var attempt = 0; ; attempt++)
        {
            receipt = new Receipt(receipts.Number(caseId, now, attempt), IntakeReceipts.Hash(secret));
            try
            {
                outcome = await commands.OpenAsync(definition!.Id, caseId, command, intakeKey, receipt, cancellationToken);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation
                && e.ConstraintName == ReceiptNumberConstraint && attempt + 1 < IntakeReceipts.NumberAttempts)
            {
            }
        }
        var stored = await queries.FindAsync(outcome.CaseId, CaseScope.All(actor.Id), cancellationToken)
            ?? throw new CaseNotFoundException(outcome.CaseId);
        return new IntakeResponse(stored.Id, stored.ReceiptNumber ?? receipt.Number, secret, stored.PromisedDue, stored.StatutoryDue, outcome.Version);
    }

    /// Checks an action's or the intake's extra inputs: names like `certificate_number`, values up
    /// to <see cref="MaxInputLength"/> characters, none of the inputs the API fills itself.
    public static void Inputs(Validation validation, string path, IReadOnlyDictionary<string, string>? given, Dictionary<string, string> into)
    {
        foreach (var (name, value) in given ?? new Dictionary<string, string>())
        {
            var at = $"{path}.{name}";
            if (!InputName().IsMatch(name))
            {
                validation.Add(at, ApiText.Get("validation.inputname"));
            }
            else if (CaseInputs.Reserved.Contains(name))
            {
                validation.Add(at, ApiText.Get("validation.reserved"));
            }
            else if (validation.Text(at, value, 1, MaxInputLength) is { } text)
            {
                into[name] = text;
            }
        }
    }

    public static string? IdempotencyKey(Validation validation, string? header)
    {
        if (header is null)
        {
            return null;
        }
        if (header.Length is < 1 or > 100 || header.Any(c => c is < '!' or > '~'))
        {
            validation.Add("Idempotency-Key", ApiText.Get("validation.idempotencykey"));
            return null;
        }
        return header;
    }

    private WorkflowDefinition? Definition(Validation validation, string? item)
    {
        if (validation.Text("$.item", item, 1, 100) is not { } id)
        {
            return null;
        }
        try
        {
            return catalog.Latest(id);
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or InvalidOperationException)
        {
            validation.Add("$.item", ApiText.Get("validation.item"));
            return null;
        }
    }

    private static void Applicant(Validation validation, ApplicantRequest applicant, DateOnly today, Dictionary<string, string> inputs)
    {
        if (validation.Text("$.applicant.name", applicant.Name, 1, 50) is { } name)
        {
            inputs[CaseInputs.ApplicantName] = name;
        }
        if (validation.Text("$.applicant.idNumber", applicant.IdNumber, 18, 18) is { } idNumber)
        {
            if (ResidentIdNumber.IsValid(idNumber, today))
            {
                inputs[CaseInputs.ApplicantIdNumber] = ResidentIdNumber.Normalize(idNumber);
            }
            else
            {
                validation.Add("$.applicant.idNumber", ApiText.Get("validation.idnumber"));
            }
        }
        if (validation.Text("$.applicant.phone", applicant.Phone, 11, 16) is { } phone)
        {
            if (MobileNumber.Normalize(phone) is { } mobile)
            {
                inputs[CaseInputs.ApplicantPhone] = mobile;
            }
            else
            {
                validation.Add("$.applicant.phone", ApiText.Get("validation.phone"));
            }
        }
    }

    private static ActionDefinition? StartAction(Validation validation, WorkflowDefinition? definition, string? start)
    {
        if (definition is null)
        {
            return null;
        }
        if (start is null)
        {
            return definition.Start[0];
        }
        if (definition.FindStartAction(start) is { } action)
        {
            return action;
        }
        validation.Add("$.start", ApiText.Get("validation.start"));
        return null;
    }

    private static void Materials(Validation validation, WorkflowDefinition? definition, IReadOnlyList<string>? received,
        Dictionary<string, string> inputs)
    {
        if (received is null)
        {
            validation.Add("$.materialsReceived", ApiText.Get("validation.required"));
            return;
        }
        if (definition is null)
        {
            return;
        }
        for (var i = 0; i < received.Count; i++)
        {
            if (received[i] is null || definition.Item.Materials.All(m => m.Id != received[i]))
            {
                validation.Add($"$.materialsReceived[{i}]", ApiText.Get("validation.material"));
            }
        }
        if (received.Count > 0)
        {
            inputs[CaseInputs.MaterialsReceived] = string.Join(",", received.Distinct());
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    public static partial Regex InputName();
}
