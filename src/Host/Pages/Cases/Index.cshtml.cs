using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Api;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Pages.Cases;

/// One case: its facts, both deadlines and the working time left, pauses and extensions, the
/// timeline, and a form for each action the definition allows this reader now. Each form carries
/// the version it was drawn at (the API's If-Match), so a form left open while someone else acted
/// is refused with a sentence, never carried out on a case that has moved on.
[Authorize(Roles = "clerk,handler,section_chief,leader,efficiency_office")]
public sealed class IndexModel(CaseOverviews overviews, CaseActions actions, IWorkflowCatalog catalog) : PageModel
{
    public const string MessageKey = "case.message";

    public CaseOverview Case { get; private set; } = null!;

    /// Why the last form was refused.
    public string? Message { get; private set; }

    /// The last form was carried out (shown once, after the redirect).
    public bool Done { get; private set; }

    public string? FailedAction { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public OfficeHours OfficeHours => catalog.Calendar.OfficeHours;

    public string FormKey { get; } = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Done = TempData[MessageKey] is "done";
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostActAsync(Guid id, string? action, string? version, string? key,
        // Named explicitly: an action without inputs must not bind the whole form as its inputs.
        [FromForm(Name = "inputs")] Dictionary<string, string>? inputs, [FromForm(Name = "materials")] List<string>? materials,
        CancellationToken cancellationToken)
    {
        var given = (inputs ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Value)).ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
        if (materials is { Count: > 0 })
        {
            given["materials"] = string.Join(",", materials);
        }
        try
        {
            await actions.ExecuteAsync(User, id, action ?? "", version, given, string.IsNullOrEmpty(key) ? null : key, cancellationToken);
            TempData[MessageKey] = "done";
            return Redirect($"/cases/{id}");
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        catch (ApiValidationException e)
        {
            Errors = e.Errors;
            Message = string.Join(" ", e.Errors.SelectMany(p => p.Value));
        }
        catch (Exception e) when (CaseProblems.Describe(e) is { } problem)
        {
            Message = problem;
        }
        FailedAction = action;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Case = await overviews.ReadAsync(User, id, cancellationToken);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        return Page();
    }
}
