using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Pages.Guide;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Api;

/// `GET /api/v1/catalogue/{item}/guide` (public): one service item's guide as the `/guide` page
/// shows it (materials, limits, legal basis, fee), by definition id or short code.
public static class GuideApi
{
    public static void MapGuideApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/catalogue/{item}/guide", GuideAsync).AllowAnonymous().WithTags("Public").WithName("ServiceGuide");
    }

    private static async Task<Results<Ok<ServiceGuideResponse>, ProblemHttpResult>> GuideAsync(string item, ServiceGuideCatalogue catalogue,
        CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(item, cancellationToken) is not { } entry)
        {
            return TypedResults.Problem(detail: AdminApiText.Get("guide.notfound", item), statusCode: StatusCodes.Status404NotFound,
                title: ApiProblems.Title(StatusCodes.Status404NotFound));
        }
        var facts = entry.Definition.Item;
        return TypedResults.Ok(new ServiceGuideResponse(entry.Id, entry.Code, CaseViews.Pick(entry.Definition.Name),
            facts.Kind == ItemKind.Immediate ? "immediate" : "promised", Limit(facts.StatutoryLimit), Limit(facts.PromisedLimit),
            Limit(facts.MaximumExtension), facts.Materials.Select(m => new NamedRef(m.Id, CaseViews.Pick(m.Name))).ToList(), facts.LegalBasis, entry.Fee));
    }

    // The catalogue's notation: `5wd` working days, `30d` calendar days, `2wh` working hours.
    private static string Limit(TimeLimit limit) => limit.Amount + limit.Unit switch
    {
        TimeLimitUnit.WorkingDays => "wd",
        TimeLimitUnit.CalendarDays => "d",
        _ => "wh",
    };
}
