using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Api;

/// `GET /api/v1/catalogue` (public): every service item with its kind, limits and materials, from
/// the latest version of each definition.
public static class CatalogueApi
{
    public static void MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/catalogue", List).AllowAnonymous().WithTags("Public").WithName("Catalogue");
    }

    private static Ok<IReadOnlyList<CatalogueItemResponse>> List(FileWorkflowCatalog catalog) =>
        TypedResults.Ok<IReadOnlyList<CatalogueItemResponse>>(catalog.FileDefinitions.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)
            .Select(catalog.Latest)
            .Select(d => new CatalogueItemResponse(d.Id, CaseViews.Pick(d.Name), d.Item.Kind == ItemKind.Immediate ? "immediate" : "promised",
                Limit(d.Item.StatutoryLimit), Limit(d.Item.PromisedLimit), Limit(d.Item.MaximumExtension),
                d.Item.Materials.Select(m => new NamedRef(m.Id, CaseViews.Pick(m.Name))).ToList()))
            .ToList());

    private static string Limit(TimeLimit limit) => limit.Amount + limit.Unit switch
    {
        TimeLimitUnit.WorkingDays => "wd",
        TimeLimitUnit.CalendarDays => "d",
        _ => "wh",
    };
}
