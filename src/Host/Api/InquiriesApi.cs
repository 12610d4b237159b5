using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Api.Inquiries;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Api;

/// Inquiries and referrals (首问登记与转办): log, answer, refer to another window, acknowledge a referral
/// made to mine, open a case from an inquiry (keeping its first-inquiry owner), and the referrals
/// waiting for my window. Version-guarded steps take `If-Match`.
public static class InquiriesApi
{
    /// Who answers, refers and acknowledges (the definition's roles for those actions).
    public static readonly string[] Holders = [StaffRoles.Clerk, StaffRoles.Handler, StaffRoles.SectionChief];

    public static void MapInquiriesApi(this IEndpointRouteBuilder routes)
    {
        var inquiries = routes.MapGroup("/api/v1/inquiries").WithTags("Inquiries");
        inquiries.MapPost("/", LogAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseWorkers)).WithName("LogInquiry");
        inquiries.MapGet("/referrals/pending", PendingAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseReaders))
            .WithName("PendingReferrals");
        inquiries.MapGet("/{id:guid}", ReadAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseReaders)).WithName("GetInquiry");
        inquiries.MapPost("/{id:guid}/answer", AnswerAsync).RequireAuthorization(policy => policy.RequireRole(Holders)).WithName("AnswerInquiry");
        inquiries.MapPost("/{id:guid}/referral", ReferAsync).RequireAuthorization(policy => policy.RequireRole(Holders)).WithName("ReferInquiry");
        inquiries.MapPost("/{id:guid}/case", OpenCaseAsync).RequireAuthorization(policy => policy.RequireRole(Holders)).WithName("OpenCaseFromInquiry");
        inquiries.MapPost("/{id:guid}/acknowledgement", AcknowledgeAsync).RequireAuthorization(policy => policy.RequireRole(Holders))
            .WithName("AcknowledgeReferral");
    }

    private static async Task<Created<InquiryResponse>> LogAsync(InquiryRequest request, HttpContext context, InquiryHandling inquiries,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var inquiry = await inquiries.LogAsync(context.User, request, idempotencyKey, context.RequestAborted);
        context.Response.Headers.ETag = $"\"{inquiry.Version}\"";
        return TypedResults.Created($"/api/v1/inquiries/{inquiry.Id}", inquiry);
    }

    private static async Task<Ok<IReadOnlyList<PendingReferralResponse>>> PendingAsync(HttpContext context, InquiryHandling inquiries) =>
        TypedResults.Ok(await inquiries.PendingAsync(context.User, context.RequestAborted));

    private static async Task<Ok<InquiryResponse>> ReadAsync(Guid id, HttpContext context, InquiryHandling inquiries) =>
        Answer(context, await inquiries.ReadAsync(context.User, id, context.RequestAborted));

    private static async Task<Ok<InquiryResponse>> AnswerAsync(Guid id, InquiryAnswerRequest request, HttpContext context, InquiryHandling inquiries,
        [FromHeader(Name = "If-Match")] string? ifMatch) =>
        Answer(context, await inquiries.AnswerAsync(context.User, id, ifMatch, request, context.RequestAborted));

    private static async Task<Ok<InquiryResponse>> ReferAsync(Guid id, ReferralRequest request, HttpContext context, InquiryHandling inquiries,
        [FromHeader(Name = "If-Match")] string? ifMatch) =>
        Answer(context, await inquiries.ReferAsync(context.User, id, ifMatch, request, context.RequestAborted));

    private static async Task<Created<IntakeResponse>> OpenCaseAsync(Guid id, IntakeRequest request, HttpContext context, InquiryHandling inquiries,
        [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        var opened = await inquiries.OpenCaseAsync(context.User, id, ifMatch, request, context.RequestAborted);
        context.Response.Headers.ETag = $"\"{opened.Version}\"";
        return TypedResults.Created($"/api/v1/cases/{opened.Id}", opened);
    }

    private static async Task<Ok<InquiryResponse>> AcknowledgeAsync(Guid id, HttpContext context, InquiryHandling inquiries,
        [FromHeader(Name = "If-Match")] string? ifMatch) =>
        Answer(context, await inquiries.AcknowledgeAsync(context.User, id, ifMatch, context.RequestAborted));

    private static Ok<InquiryResponse> Answer(HttpContext context, InquiryResponse inquiry)
    {
        context.Response.Headers.ETag = $"\"{inquiry.Version}\"";
        return TypedResults.Ok(inquiry);
    }
}
