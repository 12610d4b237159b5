using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
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
        // Until the sign-in branch brings its own cookie scheme, a protected page sends a visitor
        // without a sign-in to the start page instead of failing for want of a scheme.
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/";
                options.AccessDeniedPath = "/";
            });
        services.AddAuthorization();
        services.AddSingleton<ServiceGuideCatalogue>();
        services.AddSingleton<HallDisplay>();
        services.AddSingleton<ServiceItemListing>();
    }

    public static void UsePages(WebApplication app)
    {
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseStaticFiles();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(DefaultCulture),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // Only the visitor's own choice switches the language: a counter PC's browser language
            // says nothing about who sits in front of it.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
    }
}
