using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Security;

/// Authentication and authorization: ASP.NET Core's bearer tokens (Data Protection) for other
/// systems, a cookie for the web UI, picked per request by the Authorization header. An API request
/// without credentials gets 401 and one with the wrong role 403, never a redirect.
public static class SecuritySetup
{
    public const string Scheme = "ServiceWindow";
    public const string BearerScheme = BearerTokenDefaults.AuthenticationScheme;
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    public static void AddSecurity(IServiceCollection services)
    {
        services.AddSingleton<UserStore>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<CookieSignIn>();
        services.AddSingleton<DemoUsers>();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, Scheme, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerScheme : CookieScheme)
            .AddBearerToken(BearerScheme, options => options.BearerTokenExpiration = TokenLifetime)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "servicewindow";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TokenLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = "/";
                options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorization();
    }

    /// With `ServiceWindow:DemoUsersFile` set (scripts/run sets it), creates the demo office's
    /// missing accounts and prints their passwords once.
    public static async Task CreateDemoUsersAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        if (app.Configuration["ServiceWindow:DemoUsersFile"] is not { Length: > 0 } file)
        {
            return;
        }
        var lines = await app.Services.GetRequiredService<DemoUsers>().CreateAsync(file, cancellationToken);
        if (lines.Count > 0)
        {
            Console.WriteLine($"Demo users (login, password, roles; also in {file}):");
            foreach (var line in lines)
            {
                Console.WriteLine("  " + line);
            }
        }
    }

    // Pages get the sign-in page; the API and anything not asking for HTML get a status code.
    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || !context.Request.Headers.Accept.ToString().Contains("text/html"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
