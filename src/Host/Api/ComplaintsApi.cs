using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServiceWindow.Host.Api.Complaints;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Api;

/// Complaints (投诉): lodge one against a case or a window, verify it (the sanction ladder counts it),
/// read and list them. Assigning, dismissing and replying are the complaint's actions on
/// `POST /api/v1/cases/{id}/actions/{action}`.
public static class ComplaintsApi
{
    /// Who takes complaints (the definition's lodging roles).
    public static readonly string[] Lodgers = [StaffRoles.Clerk, StaffRoles.EfficiencyOffice];

    /// Who reads the complaints register: the supervisors of the windows complained about.
    public static readonly string[] Readers = [StaffRoles.SectionChief, StaffRoles.Leader, StaffRoles.EfficiencyOffice];

    public static void MapComplaintsApi(this IEndpointRouteBuilder routes)
    {
        var complaints = routes.MapGroup("/api/v1/complaints").WithTags("Complaints");
        complaints.MapPost("/", LodgeAsync).RequireAuthorization(policy => policy.RequireRole(Lodgers)).WithName("LodgeComplaint");
        complaints.MapGet("/", ListAsync).RequireAuthorization(policy => policy.RequireRole(Readers)).WithName("ListComplaints");
        complaints.MapGet("/{id:guid}", ReadAsync).RequireAuthorization(policy => policy.RequireRole(Readers)).WithName("GetComplaint");
        complaints.MapPost("/{id:guid}/verification", VerifyAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.EfficiencyOffice))
            .WithName("VerifyComplaint");
    }

    private static async Task<Created<ComplaintResponse>> LodgeAsync(ComplaintRequest request, HttpContext context, ComplaintHandling complaints,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var complaint = await complaints.LodgeAsync(context.User, request, idempotencyKey, context.RequestAborted);
        context.Response.Headers.ETag = $"\"{complaint.Version}\"";
        return TypedResults.Created($"/api/v1/complaints/{complaint.Id}", complaint);
    }

    private static async Task<Ok<ComplaintListResponse>> ListAsync(HttpContext context, ComplaintHandling complaints) =>
        TypedResults.Ok(await complaints.ListAsync(context.User, context.Request.Query, context.RequestAborted));

    private static async Task<Ok<ComplaintResponse>> ReadAsync(Guid id, HttpContext context, ComplaintHandling complaints) =>
        Answer(context, await complaints.ReadAsync(context.User, id, context.RequestAborted));

    private static async Task<Ok<ComplaintResponse>> VerifyAsync(Guid id, ComplaintVerificationRequest request, HttpContext context,
        ComplaintHandling complaints, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        Answer(context, await complaints.VerifyAsync(context.User, id, ifMatch, request, context.RequestAborted));

    private static Ok<ComplaintResponse> Answer(HttpContext context, ComplaintResponse complaint)
    {
        context.Response.Headers.ETag = $"\"{complaint.Version}\"";
        return TypedResults.Ok(complaint);
    }
}
