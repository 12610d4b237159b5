using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Api.Findings;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Api;

/// The accountability register (问责登记): findings by person, window and status; the named person's
/// statement; confirmation or dismissal by the efficiency office. A step the finding is no longer
/// ready for (already stated, not yet stated, already decided) is 409.
public static class FindingsApi
{
    public static void MapFindingsApi(this IEndpointRouteBuilder routes)
    {
        var findings = routes.MapGroup("/api/v1/findings").WithTags("Findings");
        findings.MapGet("/", ListAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseReaders)).WithName("ListFindings");
        findings.MapGet("/{id:guid}", ReadAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseReaders)).WithName("GetFinding");
        findings.MapPost("/{id:guid}/statement", StateAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseReaders))
            .WithName("StateOnFinding");
        findings.MapPost("/{id:guid}/confirmation", ConfirmAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.EfficiencyOffice))
            .WithName("ConfirmFinding");
        findings.MapPost("/{id:guid}/dismissal", DismissAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.EfficiencyOffice))
            .WithName("DismissFinding");
    }

    private static async Task<Ok<IReadOnlyList<FindingResponse>>> ListAsync(HttpContext context, FindingReview findings) =>
        TypedResults.Ok(await findings.ListAsync(context.User, context.Request.Query, context.RequestAborted));

    private static async Task<Ok<FindingResponse>> ReadAsync(Guid id, HttpContext context, FindingReview findings) =>
        TypedResults.Ok(await findings.ReadAsync(context.User, id, context.RequestAborted));

    private static async Task<Ok<FindingResponse>> StateAsync(Guid id, FindingStatementRequest request, HttpContext context, FindingReview findings) =>
        TypedResults.Ok(await findings.StateAsync(context.User, id, request, context.RequestAborted));

    private static async Task<Ok<FindingResponse>> ConfirmAsync(Guid id, HttpContext context, FindingReview findings) =>
        TypedResults.Ok(await findings.ConfirmAsync(context.User, id, context.RequestAborted));

    private static async Task<Ok<FindingResponse>> DismissAsync(Guid id, HttpContext context, FindingReview findings) =>
        TypedResults.Ok(await findings.DismissAsync(context.User, id, context.RequestAborted));
}
