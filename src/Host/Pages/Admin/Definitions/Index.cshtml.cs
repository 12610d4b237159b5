using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Security;
using ServiceWindow.Host.Workflows;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Admin.Definitions;

/// The definitions in force, each the latest version of its item, for the administrator; and the
/// check and publication of a new version from an uploaded file (the API's service).
[Authorize(Roles = "admin")]
public sealed class IndexModel(FileWorkflowCatalog catalog, DefinitionPublishing publishing) : PageModel
{
    private const long MaxFileBytes = 1024 * 1024;

    public IReadOnlyList<WorkflowDefinition> Definitions { get; private set; } = [];

    /// The uploaded version's problems, by path and line; empty after a clean check.
    public IReadOnlyList<DefinitionCheckProblem> Problems { get; private set; } = [];

    /// An AdminText key saying what the upload did.
    public string? Outcome { get; private set; }

    public WorkflowDefinition? Checked { get; private set; }

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostValidateAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await ReadAsync(file, cancellationToken) is { } json)
        {
            var check = publishing.Check(json);
            (Checked, Problems, Outcome) = (check.Definition, check.Problems, check.IsValid ? "Definitions.Valid" : "Definitions.Invalid");
        }
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await ReadAsync(file, cancellationToken) is { } json)
        {
            try
            {
                Checked = await publishing.PublishAsync(json, User.StaffId(), cancellationToken);
                Outcome = "Definitions.Published";
            }
            catch (DefinitionRefusedException e)
            {
                (Problems, Outcome) = (e.Problems, "Definitions.Invalid");
            }
            catch (ServiceWindow.Persistence.Catalogue.DefinitionVersionEditedException)
            {
                Outcome = "Definitions.Conflict";
            }
        }
        Load();
        return Page();
    }

    private async Task<string?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > MaxFileBytes)
        {
            Outcome = "Definitions.NoFile";
            return null;
        }
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private void Load() =>
        Definitions = catalog.FileDefinitions.Select(d => d.Id).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(catalog.Latest).ToList();
}
