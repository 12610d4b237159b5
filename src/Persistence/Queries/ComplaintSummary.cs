namespace ServiceWindow.Persistence.Queries;

/// A complaint case and, once verified, what its verification recorded: the complaint's place among
/// those verified against the person this calendar year and the sanction that place gives.
public sealed record ComplaintSummary(CaseSummary Case, int? VerifiedCount, string? Sanction);
