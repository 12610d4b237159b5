using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Api;

/// Cases: intake, actions, detail, timeline and the filtered list. Which cases a reader sees is
/// decided by CaseQueries' scope; which actions a role may take, by the definition.
public static class CasesApi
{
    public static void MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var cases = routes.MapGroup("/api/v1/cases").WithTags("Cases");
        cases.MapPost("/", OpenAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Intake)).WithName("OpenCase");
        cases.MapGet("/", ListAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseReaders)).WithName("ListCases");
        cases.MapGet("/{id:guid}", DetailAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseReaders)).WithName("GetCase");
        cases.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseReaders))
            .WithName("GetCaseHistory");
        cases.MapPost("/{id:guid}/actions/{action}", ActAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseWorkers))
            .WithName("TakeAction");
    }

    private static async Task<Created<IntakeResponse>> OpenAsync(IntakeRequest request, HttpContext context, CaseIntake intake,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var response = await intake.OpenAsync(context.User, request, idempotencyKey, context.RequestAborted);
        context.Response.Headers.ETag = $"\"{response.Version}\"";
        return TypedResults.Created($"/api/v1/cases/{response.Id}", response);
    }

    private static async Task<Ok<CaseListResponse>> ListAsync(HttpContext context, CaseReading reading) =>
        TypedResults.Ok(await reading.ListAsync(context.User, context.Request.Query, context.RequestAborted));

    private static async Task<Ok<CaseDetailResponse>> DetailAsync(Guid id, HttpContext context, CaseReading reading)
    {
        var detail = await reading.DetailAsync(context.User, id, context.RequestAborted);
        context.Response.Headers.ETag = $"\"{detail.Version}\"";
        return TypedResults.Ok(detail);
    }

    private static async Task<Ok<IReadOnlyList<HistoryEntryResponse>>> HistoryAsync(Guid id, HttpContext context, CaseReading reading) =>
        TypedResults.Ok(await reading.HistoryAsync(context.User, id, context.RequestAborted));

    private static async Task<Ok<CaseDetailResponse>> ActAsync(Guid id, string action, HttpContext context, CaseActions actions,
        [FromHeader(Name = "If-Match")] string? ifMatch, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] Dictionary<string, string>? inputs)
    {
        var detail = await actions.ExecuteAsync(context.User, id, action, ifMatch, inputs, idempotencyKey, context.RequestAborted);
        context.Response.Headers.ETag = $"\"{detail.Version}\"";
        return TypedResults.Ok(detail);
    }
}
