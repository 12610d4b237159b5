using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Complaints;
using ServiceWindow.Host.Api.Findings;
using ServiceWindow.Host.Api.Inquiries;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Audit;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Api;

/// The HTTP API's plumbing and routes: JSON that refuses unknown members, a 1 MiB body cap,
/// zh-CN/en by `Accept-Language`, problems from ApiProblems, OpenAPI at `/openapi/v1.json` with a
/// reference page at `/api/docs`, and the per-address limiter of the public routes. Each resource
/// is one `XxxApi.MapXxxApi` call below.
public static class ApiSetup
{
    public const string PublicRateLimit = "public";
    public const long MaxBodyBytes = 1024 * 1024;

    public static void AddApi(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Customize);
        services.AddExceptionHandler<ApiProblems>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>, ZonedTimes>();
        services.AddOpenApi();

        var perMinute = configuration.GetValue("ServiceWindow:Api:PublicRequestsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PublicRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests },
                });
            };
        });

        services.AddSingleton<CaseQueries>();
        services.AddSingleton<CaseRatings>();
        services.AddSingleton<FullViewAudit>();
        services.AddSingleton<ServerKeys>();
        services.AddSingleton<IntakeReceipts>();
        services.AddSingleton<CaseViews>();
        services.AddSingleton<CaseIntake>();
        services.AddSingleton<CaseReading>();
        services.AddSingleton<CaseActions>();
        services.AddSingleton<PublicLookup>();
        // Inquiries, complaints and findings
        services.AddSingleton<ReferralQueries>();
        services.AddSingleton<ComplaintQueries>();
        services.AddSingleton<FindingRegister>();
        services.AddSingleton<InquiryHandling>();
        services.AddSingleton<ComplaintHandling>();
        services.AddSingleton<FindingReview>();
    }

    /// Runs before the exception handler, so problems it writes are in the request's language.
    /// The visitor's own choice (the UI's language cookie) wins; API callers without one choose by
    /// `Accept-Language`. Pages ignore the browser's language: a counter PC's says nothing about who
    /// sits in front of it.
    public static void UseLocalization(WebApplication app)
    {
        var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
        var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context => context.Request.Path.StartsWithSegments("/api")
                    ? acceptLanguage.DetermineProviderCultureResult(context)
                    : Task.FromResult<ProviderCultureResult?>(null)),
            ],
        });
    }

    public static void MapApi(WebApplication app)
    {
        // Refused up front also where the server does not enforce the cap itself (in-memory test server).
        app.Use((context, next) => context.Request.ContentLength > MaxBodyBytes
            ? throw new Microsoft.AspNetCore.Http.BadHttpRequestException("request body too large", StatusCodes.Status413PayloadTooLarge)
            : next(context));
        // A browser marks a request another site started; a write carrying the sign-in cookie from one is refused.
        // SameSite=Strict already keeps the cookie off such requests; this holds where a browser does not.
        app.Use((context, next) => IsCrossSiteCookieWrite(context.Request)
            ? throw new ApiProblemException(StatusCodes.Status403Forbidden, "problem.403")
            : next(context));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi().AllowAnonymous();
        // Government intranets often have no internet: the reference page uses the browser's own fonts
        // rather than fetching Scalar's from its font host (which the content policy also refuses).
        app.MapScalarApiReference("/api/docs", options => options.DisableDefaultFonts()).AllowAnonymous();
        app.MapTokensApi();
        app.MapCasesApi();
        app.MapQueuesApi();
        app.MapWindowsApi();
        app.MapCatalogueApi();
        app.MapPublicCasesApi();
        app.MapStatisticsApi();
        app.MapInquiriesApi();
        app.MapComplaintsApi();
        app.MapFindingsApi();
        app.MapRegisterApi();
        app.MapCalendarsApi();
        app.MapDefinitionsApi();
        app.MapGuideApi();
        app.MapUsersApi();
    }

    private static bool IsCrossSiteCookieWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        && (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && request.Cookies.ContainsKey("servicewindow"); // the UI's sign-in cookie (SecuritySetup)

    private sealed class ZonedTimes(IWorkflowCatalog catalog) : IConfigureOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>
    {
        public void Configure(Microsoft.AspNetCore.Http.Json.JsonOptions options) => options.SerializerOptions.Converters.Add(new ZonedTimeConverter(catalog.Calendar.TimeZone));
    }
}
