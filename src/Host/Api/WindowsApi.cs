using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Queries;

namespace ServiceWindow.Host.Api;

/// `GET /api/v1/windows`: every window with its department and service items, for any staff member.
public static class WindowsApi
{
    public static void MapWindowsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/windows", ListAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.All))
            .WithTags("Organisation").WithName("ListWindows");
    }

    private static async Task<Ok<IReadOnlyList<WindowResponse>>> ListAsync(CaseQueries queries, CancellationToken cancellationToken)
    {
        var windows = await queries.WindowsAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<WindowResponse>>(windows.Select(w => new WindowResponse(w.Code,
            CaseViews.Pick(new(w.NameZh, w.NameEn)), new NamedRef(w.DepartmentId, CaseViews.Pick(new(w.DepartmentNameZh, w.DepartmentNameEn))),
            w.ServiceItems)).ToList());
    }
}
