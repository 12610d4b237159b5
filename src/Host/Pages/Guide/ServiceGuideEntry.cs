using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Guide;

/// One service item as the public guide shows it: the definition's facts plus the catalogue's
/// short code and fee (the definition id stands in for a code the catalogue does not list yet).
public sealed record ServiceGuideEntry(string Code, WorkflowDefinition Definition, string? Fee)
{
    public string Id => Definition.Id;

    public bool Matches(string query) =>
        Code.Contains(query, StringComparison.OrdinalIgnoreCase)
        || Id.Contains(query, StringComparison.OrdinalIgnoreCase)
        || Definition.Name.Zh.Contains(query, StringComparison.OrdinalIgnoreCase)
        || Definition.Name.En.Contains(query, StringComparison.OrdinalIgnoreCase);
}
