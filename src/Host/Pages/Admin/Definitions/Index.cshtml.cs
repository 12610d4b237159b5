using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Admin.Definitions;

/// The definitions in force, each the latest version of its file, for the administrator.
[Authorize(Roles = "admin")]
public sealed class IndexModel(FileWorkflowCatalog catalog) : PageModel
{
    public IReadOnlyList<WorkflowDefinition> Definitions { get; private set; } = [];

    public void OnGet() =>
        Definitions = catalog.FileDefinitions.Select(d => d.Id).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(catalog.Latest).ToList();
}
