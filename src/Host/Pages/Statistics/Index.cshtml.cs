using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Pages.Shared;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Pages.Statistics;

/// The month's figures by department, window, staff or item, read through MonthlyStatistics and
/// downloaded through MonthlyReportWriter, so the page, the CSV and `stats monthly` agree.
[Authorize(Roles = "efficiency_office,leader,section_chief")]
public sealed class IndexModel(MonthlyStatistics statistics, StatisticsProjector projector, TimeProvider clock) : PageModel
{
    public static readonly StatisticsDimension[] Dimensions =
        [StatisticsDimension.Department, StatisticsDimension.Window, StatisticsDimension.Staff, StatisticsDimension.Item];

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public StatisticsDimension By { get; set; } = StatisticsDimension.Department;

    public MonthlyReport Report { get; private set; } = null!;

    public StatisticsCharts Charts { get; private set; } = null!;

    public bool BadMonth { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await ReadAsync(cancellationToken);
        Charts = await StatisticsCharts.ReadAsync(statistics, Report, cancellationToken);
    }

    public async Task<FileContentResult> OnGetDownloadAsync(string? format, CancellationToken cancellationToken)
    {
        var report = await ReadAsync(cancellationToken);
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        await MonthlyReportWriter.WriteAsync(report, xlsx ? StatisticsFormat.Xlsx : StatisticsFormat.Csv, buffer,
            CultureInfo.CurrentUICulture, cancellationToken);
        var name = $"statistics-{report.Month:yyyy-MM}-{report.By.ToString().ToLowerInvariant()}.{(xlsx ? "xlsx" : "csv")}";
        return File(buffer.ToArray(),
            xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", name);
    }

    private async Task<MonthlyReport> ReadAsync(CancellationToken cancellationToken)
    {
        if (!Dimensions.Contains(By))
        {
            By = StatisticsDimension.Department;
        }
        var month = ParseMonth();
        Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // The live figures are as fresh as the facts: bring them up to the history first, as `stats monthly` does.
        await projector.RunAsync(cancellationToken);
        return await statistics.GetAsync(month, By, cancellationToken);
    }

    private DateOnly ParseMonth()
    {
        if (Month is not null && DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var given))
        {
            return given;
        }
        BadMonth = Month is not null;
        var today = DisplayTime.Local(clock.GetUtcNow());
        return new DateOnly(today.Year, today.Month, 1);
    }
}
