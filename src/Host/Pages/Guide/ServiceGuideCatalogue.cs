using ServiceWindow.Host.Catalogue;
using ServiceWindow.Persistence.Display;

namespace ServiceWindow.Host.Pages.Guide;

/// The service items a citizen can apply for: the latest version of each definition, joined with
/// the catalogue rows that give it a short code and a fee.
public sealed class ServiceGuideCatalogue(FileWorkflowCatalog catalog, ServiceItemListing listing)
{
    // Workflows the office runs on itself (inquiries, complaints, bad-review rectification) are
    // no service a citizen applies for at a window.
    private static readonly HashSet<string> Internal = new(StringComparer.Ordinal)
    {
        "inquiry-referral", "complaint-handling", "bad-review-rectification",
    };

    public async Task<IReadOnlyList<ServiceGuideEntry>> AllAsync(CancellationToken cancellationToken = default)
    {
        var rows = (await listing.ActiveAsync(cancellationToken))
            .GroupBy(r => r.DefinitionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return catalog.FileDefinitions
            .Select(d => d.Id)
            .Distinct(StringComparer.Ordinal)
            .Where(id => !Internal.Contains(id))
            .Select(catalog.Latest)
            .Select(d => rows.TryGetValue(d.Id, out var row)
                ? new ServiceGuideEntry(row.Code, d, row.Fee)
                : new ServiceGuideEntry(d.Id, d, null))
            .OrderBy(e => e.Code, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<ServiceGuideEntry?> FindAsync(string codeOrId, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(e =>
            string.Equals(e.Code, codeOrId, StringComparison.OrdinalIgnoreCase) || string.Equals(e.Id, codeOrId, StringComparison.Ordinal));
}
