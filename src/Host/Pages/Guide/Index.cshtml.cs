using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceWindow.Host.Pages.Guide;

/// The public service guide: every service item, searchable by name (Chinese or English) or short code.
public sealed class IndexModel(ServiceGuideCatalogue catalogue) : PageModel
{
    public string? Query { get; private set; }

    public IReadOnlyList<ServiceGuideEntry> Items { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Query = q?.Trim();
        var all = await catalogue.AllAsync(cancellationToken);
        Items = string.IsNullOrEmpty(Query) ? all : all.Where(e => e.Matches(Query)).ToList();
    }
}
