using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Api;

/// `GET /api/v1/statistics/monthly?month=YYYY-MM&by=window`: the JSON `stats monthly --format json`
/// prints, written by the same writer, so the page, the API and the CLI can never disagree.
/// `GET /api/v1/statistics/honours?quarter=YYYY-Qn`: a quarter's stored honours, the JSON
/// `stats honours --format json` prints, for the efficiency office and leaders.
public static class StatisticsApi
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Api.StatisticsApiTexts", typeof(StatisticsApi).Assembly);

    /// Who may read the office's assessment figures.
    public static readonly string[] Readers = [StaffRoles.EfficiencyOffice, StaffRoles.Leader, StaffRoles.SectionChief];

    /// Who may read the quarterly honours: those who circulate and approve them.
    public static readonly string[] HonoursReaders = [StaffRoles.EfficiencyOffice, StaffRoles.Leader];

    public static void MapStatisticsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/statistics/monthly", MonthlyAsync).RequireAuthorization(policy => policy.RequireRole(Readers))
            .WithTags("Statistics").WithName("MonthlyStatistics");
        routes.MapGet("/api/v1/statistics/honours", HonoursAsync).RequireAuthorization(policy => policy.RequireRole(HonoursReaders))
            .WithTags("Statistics").WithName("QuarterlyHonours");
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

    private static async Task<Results<Ok<HonoursResponse>, ProblemHttpResult>> HonoursAsync(
        string? quarter, QuarterlyHonoursRegister register, CancellationToken cancellationToken)
    {
        if (!StatisticsQuarter.TryParse(quarter, out var parsed))
        {
            throw new ApiValidationException("quarter", Text("validation.quarter"));
        }
        var report = await register.GetAsync(parsed, cancellationToken);
        return report is null
            ? TypedResults.Problem(detail: Text("honours.notawarded"), statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(HonoursResponse.From(report));
    }

    private static string Text(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
