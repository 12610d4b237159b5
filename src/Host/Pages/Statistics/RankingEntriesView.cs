using ServiceWindow.Host.Pages.Shared;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Pages.Statistics;

/// What `_RankingEntries` lists: a ranking's or an honours list's entries, named through `Names`.
public sealed record RankingEntriesView(string Id, string Caption, IReadOnlyList<RankingEntry> Entries,
    IReadOnlyDictionary<string, (string? Zh, string? En)> Names)
{
    public string Name(string key) =>
        Names.TryGetValue(key, out var name) ? (Localized.English ? name.En : name.Zh) ?? name.Zh ?? key : key;
}
