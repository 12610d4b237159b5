using System.Globalization;
using System.Resources;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Accountability;

namespace ServiceWindow.Host.Api;

/// `GET /api/v1/register/{findings|sanctions}?year=YYYY&format=csv|xlsx`: the file
/// `register export` writes, for the efficiency office alone (the register is theirs), names masked.
public static class RegisterApi
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Host.Api.RegisterApiTexts", typeof(RegisterApi).Assembly);

    public static void MapRegisterApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/register/{kind:regex(^(findings|sanctions)$)}", ExportAsync)
            .RequireAuthorization(policy => policy.RequireRole(StaffRoles.EfficiencyOffice))
            .WithTags("Register").WithName("RegisterExport");
    }

    private static async Task<IResult> ExportAsync(string kind, string? year, string? format, RegisterExport export, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (year is null || year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 2000 or > 9998)
        {
            validation.Add("year", Text("validation.year"));
            number = 0;
        }
        var fileFormat = RegisterFormat.Csv;
        if (format is not null && format is not ("csv" or "xlsx"))
        {
            validation.Add("format", Text("validation.format"));
        }
        else if (format == "xlsx")
        {
            fileFormat = RegisterFormat.Xlsx;
        }
        validation.ThrowIfInvalid();

        var registerKind = kind == "findings" ? RegisterKind.Findings : RegisterKind.Sanctions;
        var table = await export.ReadAsync(registerKind, number, CultureInfo.CurrentUICulture, cancellationToken);
        using var buffer = new MemoryStream();
        await RegisterExport.WriteAsync(table, fileFormat, buffer, CultureInfo.CurrentUICulture, cancellationToken);
        return fileFormat == RegisterFormat.Xlsx
            ? TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{kind}-{number}.xlsx")
            : TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"{kind}-{number}.csv");
    }

    private static string Text(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
