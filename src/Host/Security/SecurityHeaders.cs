namespace ServiceWindow.Host.Security;

/// Headers on every response, errors included, that tell the browser to run only the site's own
/// script files (no inline script, so a text that slipped past escaping still cannot run), not to
/// guess content types, not to be framed, and to send no path to other sites.
public static class SecurityHeaders
{
    // Styles come from files too: the pages carry no style attributes, and the charts and htmx set
    // element styles through the DOM, which the policy does not govern.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference page (Scalar) starts itself with one inline module script and styles itself
    // inline; it shows the OpenAPI document and no one's data, so it alone may run inline code.
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Hangfire's dashboard at /jobs writes style attributes into its pages (the job details, the
    // progress bars), and its chart script adds one fixed style element, let through by its hash
    // (a Hangfire update that changes it shows up in Web.Tests' PolicyTests). Nothing else inline
    // there, and never script: its scripts are files of its own.
    public const string JobsDashboardPolicy = ContentSecurityPolicy
        + "; style-src-attr 'unsafe-inline'; style-src-elem 'self' 'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='";

    public static void UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Read now: the dashboard's middleware moves `/jobs` from the path into the path base.
        var path = context.Request.Path;
        // Set as the response starts rather than now: the exception handler clears the headers of a
        // failed request before it writes the problem, and those responses need them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/api/docs")
                ? ApiReferencePolicy
                : path.StartsWithSegments(Scheduling.SchedulerSetup.DashboardPath)
                    ? JobsDashboardPolicy
                    : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
