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

    public static void UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts rather than now: the exception handler clears the headers of a
        // failed request before it writes the problem, and those responses need them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs")
                ? ApiReferencePolicy
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
