using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Admin.Definitions;

/// A definition's stages and transitions, drawn from the definition itself, with the stages where
/// the clock stops or pauses marked.
[Authorize(Roles = "admin")]
public sealed class DiagramModel(IWorkflowCatalog catalog) : PageModel
{
    public WorkflowDefinition Definition { get; private set; } = null!;

    public DefinitionDiagram Diagram { get; private set; } = null!;

    public IActionResult OnGet(string id, int? version)
    {
        try
        {
            Definition = version is { } v ? catalog.Definition(id, v) : catalog.Latest(id);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        Diagram = DefinitionDiagram.Of(Definition);
        return Page();
    }
}
