using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Calendars;
using ServiceWindow.Host.Security;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Api;

/// The working calendar: `GET /api/v1/calendars` (years in force, their sources, the published
/// version), `GET /api/v1/calendars/{year}` (one year's days), and the admin's upload of a
/// published holiday file, holiday-cn JSON or iCalendar, as the body: `PUT /api/v1/calendars/{year}`
/// takes that year from the file, `POST /api/v1/calendars` every year it brings. `?replace=true`
/// allows changing a year in force. The checks are those of `calendars import`.
public static class CalendarsApi
{
    public static void MapCalendarsApi(this IEndpointRouteBuilder routes)
    {
        var calendars = routes.MapGroup("/api/v1/calendars").WithTags("Calendars");
        calendars.MapGet("/", ListAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.All)).WithName("Calendar");
        calendars.MapGet("/{year:int}", Year).RequireAuthorization(policy => policy.RequireRole(StaffRoles.All)).WithName("CalendarYear");
        calendars.MapPut("/{year:int}", UploadYearAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Admin))
            .WithName("UploadCalendarYear").Accepts<string>("application/json", "text/calendar");
        calendars.MapPost("/", UploadAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Admin))
            .WithName("UploadCalendar").Accepts<string>("application/json", "text/calendar");
    }

    private static async Task<Ok<CalendarResponse>> ListAsync(DeploymentCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = calendar.Current;
        var latest = await calendar.LatestVersionAsync(cancellationToken);
        return TypedResults.Ok(new CalendarResponse(current.Id, current.TimeZone.Id, latest?.Version, latest?.LoadedAt,
            NextYearCalendar.IsMissing(current, clock.GetUtcNow()),
            current.Years.Select(y => new CalendarYearSummary(y.Year, y.Source, y.HolidayDates().Count(), y.MakeUpWorkdays.Count)).ToList()));
    }

    private static Results<Ok<CalendarYearResponse>, ProblemHttpResult> Year(int year, DeploymentCalendar calendar)
    {
        if (calendar.Current.Year(year) is not { } found)
        {
            return Problem(StatusCodes.Status404NotFound, AdminApiText.Get("calendar.year.notfound", year));
        }
        return TypedResults.Ok(new CalendarYearResponse(found.Year, found.Source,
            found.Holidays.Select(h => new CalendarHolidayView(h.Name, h.From, h.To)).ToList(),
            found.MakeUpWorkdays.Select(m => new CalendarMakeUpWorkdayView(m.Name, m.Date)).ToList()));
    }

    private static Task<Results<Ok<CalendarUploadResponse>, ProblemHttpResult>> UploadYearAsync(int year, bool? replace, HttpContext context,
        DeploymentCalendar calendar) => ApplyAsync(year, replace, context, calendar);

    private static Task<Results<Ok<CalendarUploadResponse>, ProblemHttpResult>> UploadAsync(bool? replace, HttpContext context,
        DeploymentCalendar calendar) => ApplyAsync(null, replace, context, calendar);

    private static async Task<Results<Ok<CalendarUploadResponse>, ProblemHttpResult>> ApplyAsync(int? year, bool? replace, HttpContext context,
        DeploymentCalendar calendar)
    {
        var validation = new Validation();
        if (year is < 1900 or > 2200)
        {
            validation.Add("year", AdminApiText.Get("calendar.year.range"));
        }
        var text = await UploadedText.ReadAsync(context.Request, validation);
        validation.ThrowIfInvalid();
        var fileName = context.Request.ContentType?.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase) == true ? "upload.ics" : "upload.json";
        try
        {
            var result = await calendar.UploadAsync(fileName, text!, replace ?? false, year, context.User.StaffId(), context.RequestAborted);
            return TypedResults.Ok(new CalendarUploadResponse(result.Version,
                result.Outcome.Changes.Select(c => new CalendarYearChangeView(c.Year, c.Kind.ToString().ToLowerInvariant(), c.Details)).ToList(),
                result.Outcome.Skipped, result.Version is not null));
        }
        // A file that cannot be read and years the calendar must not take are both refusals of its content.
        catch (Exception e) when (e is CalendarFormatException or CalendarImportRefusedException)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, AdminApiText.Get("calendar.refused", e.Message));
        }
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: ApiProblems.Title(status));
}
