using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Api.Contracts;

/// A quarter's stored honours as the API returns them and `stats honours --format json` prints them:
/// the quarter (`2026-Q4`), when they were awarded, the weights and places they were chosen by, the
/// red-flag windows and service stars best first with each score's lines (`window` holds the staff id
/// for a service star), and who a finding confirmed in the quarter left out.
public sealed record HonoursResponse(
    string Quarter, DateTimeOffset AwardedAt, RankingWeights Weights, HonoursPlaces Places,
    IReadOnlyList<RankingEntry> RedFlagWindows, IReadOnlyList<RankingEntry> ServiceStars,
    IReadOnlyList<BarredCandidate> BarredWindows, IReadOnlyList<BarredCandidate> BarredStaff)
{
    public static HonoursResponse From(HonoursReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Quarter.ToString(), report.AwardedAt, report.Weights, report.Places,
            report.RedFlagWindows, report.ServiceStars, report.BarredWindows, report.BarredStaff);
    }
}
