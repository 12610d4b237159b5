using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceWindow.Host.Pages.Guide;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Display;
using ServiceWindow.Persistence.Queries;

namespace ServiceWindow.Host.Pages;

/// The server-rendered UI: Razor Pages, the two languages and the assets in wwwroot (the security
/// headers every response carries are `Security/SecurityHeaders`).
public static class PagesSetup
{
    public const string DefaultCulture = "zh-CN";
    public const string EnglishCulture = "en";

    public static readonly CultureInfo[] Cultures = [new(DefaultCulture), new(EnglishCulture)];

    public static void AddPages(IServiceCollection services)
    {
        services.AddLocalization();
        services.AddRazorPages()
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.AddAntiforgery(options => options.Cookie.Name = "sw.antiforgery");
        services.AddSingleton<ServiceGuideCatalogue>();
        services.AddSingleton<HallDisplay>();
        services.AddSingleton<ServiceItemListing>();
        services.AddSingleton<Queue.QueueRows>();
        services.AddSingleton<BoardQueries>();
        services.TryAddSingleton<FindingRegister>();
        services.AddSingleton<Board.BoardReader>();
        services.AddSingleton<Desk.DeskIntake>();
        services.AddSingleton<Desk.DeskInquiries>();
        services.AddSingleton<Cases.CaseOverviews>();
        services.AddSingleton<Cases.Notices.CaseNotices>();
    }

    public static void UsePages(WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
    }
}
