using System.Globalization;
using System.Resources;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Api;

/// `GET /api/v1/statistics/monthly?month=YYYY-MM&by=window`: the JSON `stats monthly --format json`
/// prints, written by the same writer, so the page, the API and the CLI can never disagree.
public static class StatisticsApi
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Api.StatisticsApiTexts", typeof(StatisticsApi).Assembly);

    /// Who may read the office's assessment figures.
    public static readonly string[] Readers = [StaffRoles.EfficiencyOffice, StaffRoles.Leader, StaffRoles.SectionChief];

    public static void MapStatisticsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/statistics/monthly", MonthlyAsync).RequireAuthorization(policy => policy.RequireRole(Readers))
            .WithTags("Statistics").WithName("MonthlyStatistics");
    }

    private static async Task<IResult> MonthlyAsync(string? month, string? by, MonthlyStatistics statistics, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        DateOnly day = default;
        if (month is null || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            validation.Add("month", Text("validation.month"));
        }
        var dimension = StatisticsDimension.Window;
        if (by is not null && (!Enum.TryParse(by, ignoreCase: true, out dimension) || !Enum.IsDefined(dimension) || by.Any(char.IsDigit)))
        {
            validation.Add("by", Text("validation.by"));
        }
        validation.ThrowIfInvalid();

        var report = await statistics.GetAsync(day, dimension, cancellationToken);
        using var buffer = new MemoryStream();
        await MonthlyReportWriter.WriteAsync(report, StatisticsFormat.Json, buffer, CultureInfo.CurrentUICulture, cancellationToken);
        return TypedResults.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }

    private static string Text(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
