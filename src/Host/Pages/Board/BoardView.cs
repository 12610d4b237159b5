using ServiceWindow.Persistence.Accountability;

namespace ServiceWindow.Host.Pages.Board;

/// Everything the board shows, read at <see cref="ReadAt"/>. <see cref="Findings"/> is null for a
/// reader who does not see the register, empty when nothing waits.
public sealed record BoardView(
    DateTimeOffset ReadAt,
    IReadOnlyList<BoardWindow> Windows,
    IReadOnlyList<BoardReferral> Referrals,
    IReadOnlyList<BoardExtension> Extensions,
    IReadOnlyList<Finding>? Findings,
    bool MayDecideFindings,
    IReadOnlyList<BoardCase> BadReviews);
