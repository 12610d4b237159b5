using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;

namespace ServiceWindow.Host.Api;

/// The citizen's routes: look a case up with receipt number and secret, rate it once completed.
/// No sign-in; rate-limited per client address.
public static class PublicCasesApi
{
    public static void MapPublicCasesApi(this IEndpointRouteBuilder routes)
    {
        var cases = routes.MapGroup("/api/v1/public/cases").WithTags("Public").AllowAnonymous().RequireRateLimiting(ApiSetup.PublicRateLimit);
        cases.MapGet("/{receiptNumber}", FindAsync).WithName("LookUpCase");
        cases.MapPost("/{receiptNumber}/rating", RateAsync).WithName("RateCase");
    }

    private static async Task<Ok<PublicCaseResponse>> FindAsync(string receiptNumber, string? secret, PublicLookup lookup,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookup.FindAsync(receiptNumber, secret, cancellationToken));

    private static async Task<NoContent> RateAsync(string receiptNumber, RatingRequest request, PublicLookup lookup,
        CancellationToken cancellationToken)
    {
        await lookup.RateAsync(receiptNumber, request, cancellationToken);
        return TypedResults.NoContent();
    }
}
