using System.Globalization;
using ServiceWindow.Host.Pages.Guide;
using ServiceWindow.Persistence.Display;

namespace ServiceWindow.Host.Pages;

/// The server-rendered UI: Razor Pages, the two languages, the assets in wwwroot and the headers
/// every page is sent with.
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
    }

    public static void UsePages(WebApplication app)
    {
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseStaticFiles();
        app.MapRazorPages();
    }
}
