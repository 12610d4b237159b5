using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceWindow.Host.Pages.Guide;

/// One service item's guide: materials, limits in working days, legal basis, fee and kind.
public sealed class ItemModel(ServiceGuideCatalogue catalogue) : PageModel
{
    public ServiceGuideEntry? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(string item, CancellationToken cancellationToken)
    {
        Entry = await catalogue.FindAsync(item, cancellationToken);
        return Entry is null ? NotFound() : Page();
    }
}
