using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Pages.Statistics;

/// A closed month's window ranking and a quarter's red-flag windows and service stars, as the ranking
/// and honours jobs stored and circulated them, each score explained line by line. By default the
/// month and the quarter that ended last.
[Authorize(Roles = "efficiency_office,leader,section_chief")]
public sealed class RankingModel(MonthlyRanking ranking, QuarterlyHonoursRegister honours, MonthlyStatistics statistics,
    IWorkflowCatalog catalog, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    public DateOnly RankedMonth { get; private set; }

    public StatisticsQuarter HonouredQuarter { get; private set; } = null!;

    public RankingReport? Ranking { get; private set; }

    public HonoursReport? Honours { get; private set; }

    public bool BadMonth { get; private set; }

    public bool BadQuarter { get; private set; }

    public IReadOnlyDictionary<string, (string? Zh, string? En)> WindowNames { get; private set; } = new Dictionary<string, (string?, string?)>();

    public IReadOnlyDictionary<string, (string? Zh, string? En)> StaffNames { get; private set; } = new Dictionary<string, (string?, string?)>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var lastEnded = MonthlyClose.PreviousMonth(clock.GetUtcNow(), catalog.Calendar.TimeZone);
        RankedMonth = lastEnded;
        if (Month is not null)
        {
            if (DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var given))
            {
                RankedMonth = given;
            }
            else
            {
                BadMonth = true;
            }
        }
        // The quarter that ended last: the one before the quarter of the month under way.
        HonouredQuarter = StatisticsQuarter.Containing(StatisticsQuarter.Containing(lastEnded.AddMonths(1)).FirstMonth.AddMonths(-1));
        if (Quarter is not null)
        {
            if (StatisticsQuarter.TryParse(Quarter, out var given))
            {
                HonouredQuarter = given;
            }
            else
            {
                BadQuarter = true;
            }
        }
        Month = RankedMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Quarter = HonouredQuarter.ToString();
        Ranking = await ranking.GetAsync(RankedMonth, cancellationToken);
        Honours = await honours.GetAsync(HonouredQuarter, cancellationToken);
        WindowNames = await statistics.NamesAsync(StatisticsDimension.Window, cancellationToken);
        StaffNames = await statistics.NamesAsync(StatisticsDimension.Staff, cancellationToken);
    }
}
