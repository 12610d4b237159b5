using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Pages.Guide;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Pages.Admin.Catalogue;

/// The service catalogue for the administrator: each item's code, kind, limits and fee, with the
/// statutory limit shown against the promised one (the definition loader refuses a promise above it).
[Authorize(Roles = StaffRoles.Admin)]
public sealed class IndexModel(ServiceGuideCatalogue catalogue) : PageModel
{
    public IReadOnlyList<ServiceGuideEntry> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await catalogue.AllAsync(cancellationToken);

    public static bool StatutoryCoversPromise(ServiceGuideEntry entry) =>
        entry.Definition.Item.StatutoryLimit.Unit == entry.Definition.Item.PromisedLimit.Unit
        && entry.Definition.Item.StatutoryLimit.Amount >= entry.Definition.Item.PromisedLimit.Amount;
}
