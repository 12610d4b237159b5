using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Api;

/// `GET /api/v1/queues/mine`: the caller's open cases, the nearest promised deadline (least
/// working time left) first.
public static class QueuesApi
{
    public static void MapQueuesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/queues/mine", MineAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.CaseReaders))
            .WithTags("Cases").WithName("MyQueue");
    }

    private static async Task<Ok<IReadOnlyList<CaseListItem>>> MineAsync(HttpContext context, CaseReading reading) =>
        TypedResults.Ok(await reading.QueueAsync(context.User, context.RequestAborted));
}
