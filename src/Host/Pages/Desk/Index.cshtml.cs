using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Api;
using ServiceWindow.Host.Pages.Cases;
using ServiceWindow.Host.Pages.Cases.Notices;
using ServiceWindow.Host.Pages.Guide;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Queries;

namespace ServiceWindow.Host.Pages.Desk;

/// The window desk: an application taken down and decided in one form (accept, one supplement
/// request, refuse), and an inquiry logged and answered or referred in another. The item's own
/// fields and materials checklist come from its definition, swapped in by the Item handler (a
/// partial of this page) when the clerk picks the item. Refusals come back on this page; a taken
/// case goes on to its printed notice.
[Authorize(Roles = "clerk,handler")]
public sealed class IndexModel(DeskIntake intake, DeskInquiries inquiries, ServiceGuideCatalogue catalogue, CaseQueries queries) : PageModel
{
    [BindProperty]
    public string Key { get; set; } = "";

    [BindProperty]
    public string? Item { get; set; }

    [BindProperty]
    public string? Window { get; set; }

    [BindProperty]
    public string? ApplicantName { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty(Name = "Received")]
    public List<string> Received { get; set; } = [];

    // Named explicitly: an item without inputs of its own must not bind the whole form here.
    [BindProperty(Name = "Inputs")]
    public Dictionary<string, string> Inputs { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public string? Matter { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? TargetWindow { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    public IReadOnlyList<ServiceGuideEntry> Items { get; private set; } = [];

    public IReadOnlyList<WindowItem> Windows { get; private set; } = [];

    public DeskPlan? Plan { get; private set; }

    /// Problems with the application form, keyed by the field's path as the intake names it.
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// Problems with the inquiry form, keyed likewise.
    public IReadOnlyDictionary<string, string[]> InquiryErrors { get; private set; } = new Dictionary<string, string[]>();

    public string StaffId => User.StaffId();

    public async Task OnGetAsync(string? item, CancellationToken cancellationToken)
    {
        Item = item;
        Window = User.FindFirstValue(StaffClaims.Window);
        await LoadAsync(cancellationToken);
    }

    public async Task<PartialViewResult> OnGetItemAsync(string? item, CancellationToken cancellationToken)
    {
        Item = item;
        Plan = await intake.PlanAsync(User, item, cancellationToken);
        return Partial("_DeskItem", this);
    }

    public async Task<IActionResult> OnPostIntakeAsync(string? decision, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<DeskDecision>(decision, ignoreCase: true, out var chosen))
        {
            chosen = DeskDecision.Accept;
        }
        try
        {
            var outcome = await intake.TakeAsync(User, new DeskApplication(Item, Window, ApplicantName, IdNumber, Phone,
                Received, Inputs, chosen, Key), cancellationToken);
            TempData[AcceptanceModel.SecretKey(outcome.CaseId)] = outcome.LookupSecret;
            return Redirect(chosen == DeskDecision.Refuse
                ? $"/cases/{outcome.CaseId}/notices/refusal"
                : $"/cases/{outcome.CaseId}/notices/acceptance");
        }
        catch (ApiValidationException e)
        {
            Errors = e.Errors;
        }
        catch (Exception e) when (CaseProblems.Describe(e) is { } problem)
        {
            Errors = new Dictionary<string, string[]> { ["decision"] = [problem] };
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInquiryAsync(string? decision, CancellationToken cancellationToken)
    {
        try
        {
            var id = await inquiries.LogAsync(User, new DeskInquiry(Matter, Channel, Window, decision == "refer", Answer,
                TargetWindow, Contact, Key), cancellationToken);
            return Redirect($"/cases/{id}");
        }
        catch (ApiValidationException e)
        {
            InquiryErrors = e.Errors;
        }
        catch (Exception e) when (CaseProblems.Describe(e) is { } problem)
        {
            InquiryErrors = new Dictionary<string, string[]> { ["decision"] = [problem] };
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string[] ErrorsFor(string path) => Errors.TryGetValue(path, out var messages) ? messages : [];

    public string[] InquiryErrorsFor(string path) => InquiryErrors.TryGetValue(path, out var messages) ? messages : [];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // A fresh key per form shown: a double click or a resubmitted page reaches the same case.
        if (string.IsNullOrEmpty(Key) || (Errors.Count == 0 && InquiryErrors.Count == 0))
        {
            Key = Guid.NewGuid().ToString("N");
        }
        Items = await catalogue.AllAsync(cancellationToken);
        Windows = await queries.WindowsAsync(cancellationToken);
        Plan = await intake.PlanAsync(User, Item, cancellationToken);
    }
}
