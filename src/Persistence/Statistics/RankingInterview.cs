namespace ServiceWindow.Persistence.Statistics;

/// A window ranked last two months running and its chief's interview finding (约谈): the finding
/// filed by this run, or null when an earlier run filed it or the window has no section chief.
public sealed record RankingInterview(string WindowId, string? ChiefId, Guid? FindingId);
