using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Persistence.Users;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Api.Complaints;

/// Complaints (投诉) as cases of the complaint-handling definition: lodged against a case or a window,
/// then assigned, verified or dismissed and answered through its actions. A verification names the
/// person; the store counts that person's earlier verified complaints of the year, so the sanction
/// ladder's rung never comes from the caller.
public sealed class ComplaintHandling(CaseCommands commands, CaseQueries cases, ComplaintQueries complaints, UserStore staff,
    IWorkflowCatalog catalog)
{
    public const string Definition = ComplaintQueries.ComplaintDefinition;
    public const string Complainant = "complainant";
    public const string About = "about";
    public const string SubjectCase = "subject_case";
    public const string Summary = "summary";

    private static readonly HashSet<string> FilterNames = new(StringComparer.Ordinal) { "status", "against", "window", "page", "pageSize" };
    private static readonly HashSet<string> Statuses = new(StringComparer.Ordinal) { "open", "verified", "unfounded" };

    public async Task<ComplaintResponse> LodgeAsync(ClaimsPrincipal user, ComplaintRequest request, string? idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new Validation();
        var key = CaseIntake.IdempotencyKey(validation, idempotencyKey);
        var complainant = validation.Text("$.complainant", request.Complainant, 1, 50);
        var about = validation.Text("$.about", request.About, 1, CaseIntake.MaxInputLength);
        string? window = null;
        if (request.Case is { } subject)
        {
            // Only a case the lodger may see: a complaint must not reveal whether another window's case exists.
            if (await cases.FindAsync(subject, user.CaseScope(), cancellationToken) is { } found)
            {
                window = found.WindowId;
            }
            else
            {
                validation.Add("$.case", ComplaintText.Get("validation.case"));
            }
        }
        else if (request.Window is null)
        {
            validation.Add("$.case", ComplaintText.Get("validation.windoworcase"));
        }
        if (request.Case is not null && request.Window is not null)
        {
            validation.Add("$.window", ComplaintText.Get("validation.caseandwindow"));
        }
        else if (request.Window is not null && (window = validation.Text("$.window", request.Window, 1, 64)) is not null
            && !await cases.WindowExistsAsync(window, cancellationToken))
        {
            validation.Add("$.window", ApiText.Get("validation.window"));
        }
        validation.ThrowIfInvalid();

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal) { [Complainant] = complainant!, [About] = about! };
        if (window is not null)
        {
            inputs[InputNames.Window] = window;
        }
        if (request.Case is { } caseId)
        {
            inputs[SubjectCase] = caseId.ToString();
        }
        var actor = user.Actor();
        var id = IntakeReceipts.CaseId(actor.Id, key is null ? null : $"complaint:{key}");
        await commands.OpenAsync(Definition, id, new CaseCommand(catalog.Latest(Definition).Start[0].Id, actor, 0, inputs),
            key is null ? null : $"complaint:{actor.Id}:{key}", null, cancellationToken);
        return View((await complaints.FindAsync(id, CaseScope.All(actor.Id), cancellationToken))!);
    }

    public async Task<ComplaintResponse> ReadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) =>
        View(await complaints.FindAsync(id, user.CaseScope(), cancellationToken) ?? throw new CaseNotFoundException(id));

    /// 查实: a misconduct finding against the person with the sanction of their count this year.
    public async Task<ComplaintResponse> VerifyAsync(ClaimsPrincipal user, Guid id, string? ifMatch, ComplaintVerificationRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new Validation();
        var expected = CaseActions.ExpectedVersion(ifMatch);
        if (expected is null)
        {
            validation.Add("If-Match", ApiText.Get("validation.ifmatch"));
        }
        var against = validation.Text("$.against", request.Against, 1, 64);
        if (against is not null && await staff.FindStaffAsync(against, cancellationToken) is null)
        {
            validation.Add("$.against", ComplaintText.Get("validation.staff"));
        }
        var summary = validation.Text("$.summary", request.Summary, 1, CaseIntake.MaxInputLength);
        validation.ThrowIfInvalid();
        _ = await complaints.FindAsync(id, user.CaseScope(), cancellationToken) ?? throw new CaseNotFoundException(id);
        await commands.ExecuteAsync(id, new CaseCommand("verify", user.Actor(), expected!.Value,
            new Dictionary<string, string> { [InputNames.Against] = against!, [Summary] = summary! }), cancellationToken: cancellationToken);
        return await ReadAsync(user, id, cancellationToken);
    }

    public async Task<ComplaintListResponse> ListAsync(ClaimsPrincipal user, IQueryCollection query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var validation = new Validation();
        foreach (var name in query.Keys.Where(k => !FilterNames.Contains(k)))
        {
            validation.Add(name, ApiText.Get("validation.field"));
        }
        string? Text(string name) => query.TryGetValue(name, out var value) ? validation.Text(name, value.ToString(), 1, 64) : null;
        int Number(string name, int fallback, int max)
        {
            if (!query.TryGetValue(name, out var value))
            {
                return fallback;
            }
            if (!int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > max)
            {
                validation.Add(name, ApiText.Get("validation.range", 1, max));
                return fallback;
            }
            return number;
        }
        var status = Text("status");
        if (status is not null && !Statuses.Contains(status))
        {
            validation.Add("status", ComplaintText.Get("validation.status"));
        }
        var against = Text("against");
        var window = Text("window");
        var page = Number("page", 1, 100_000);
        var pageSize = Number("pageSize", 20, CaseReading.MaxPageSize);
        validation.ThrowIfInvalid();
        var (items, total) = await complaints.ListAsync(status, against, window, page, pageSize, user.CaseScope(), cancellationToken: cancellationToken);
        return new ComplaintListResponse([.. items.Select(View)], total, page, pageSize);
    }

    private ComplaintResponse View(ComplaintSummary complaint)
    {
        var summary = complaint.Case;
        var state = CaseStateJson.Deserialize(summary.StateJson);
        var definition = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion);
        var inputs = state.Data.Inputs;
        return new ComplaintResponse(summary.Id, CaseViews.Stage(definition, summary.Stage), summary.Version, summary.WindowId,
            Guid.TryParse(inputs.GetValueOrDefault(SubjectCase), out var subject) ? subject : null,
            inputs.GetValueOrDefault(Complainant), inputs.GetValueOrDefault(About), summary.HandlerId,
            complaint.VerifiedCount is null ? null : inputs.GetValueOrDefault(InputNames.Against), complaint.VerifiedCount,
            complaint.Sanction is { } sanction ? JsonNamingPolicy.CamelCase.ConvertName(sanction) : null,
            state.OpenedAt, summary.PromisedDue, summary.CompletedAt, state.Outcome);
    }
}
