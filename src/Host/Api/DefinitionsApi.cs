using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Host.Workflows;
using ServiceWindow.Persistence.Catalogue;

namespace ServiceWindow.Host.Api;

/// Workflow definitions: `GET /api/v1/definitions` (every service item with its published
/// versions), `GET /api/v1/definitions/{id}?version=` (one version's text, the latest by default),
/// and for the admin `POST /api/v1/definitions/validate` (every problem, by JSON path and line) and
/// `POST /api/v1/definitions` (publish a new version: new cases start on it, running ones keep theirs).
public static class DefinitionsApi
{
    public static void MapDefinitionsApi(this IEndpointRouteBuilder routes)
    {
        var definitions = routes.MapGroup("/api/v1/definitions").WithTags("Definitions");
        definitions.MapGet("/", ListAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.All)).WithName("Definitions");
        definitions.MapGet("/{id}", ReadAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.All)).WithName("Definition");
        definitions.MapPost("/validate", ValidateAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Admin))
            .WithName("ValidateDefinition").Accepts<JsonElement>("application/json");
        definitions.MapPost("/", PublishAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Admin))
            .WithName("PublishDefinition").Accepts<JsonElement>("application/json");
    }

    private static async Task<Ok<IReadOnlyList<DefinitionSummary>>> ListAsync(DefinitionPublishing definitions, CancellationToken cancellationToken)
    {
        var versions = await definitions.VersionsAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DefinitionSummary>>(definitions.ItemIds.Select(id =>
        {
            var latest = definitions.Latest(id)!;
            return new DefinitionSummary(id, CaseViews.Pick(latest.Name), latest.Version, Versions(versions, id));
        }).ToList());
    }

    private static async Task<Results<Ok<DefinitionResponse>, ProblemHttpResult>> ReadAsync(string id, int? version, DefinitionPublishing definitions,
        CancellationToken cancellationToken)
    {
        if (definitions.Latest(id) is not { } latest)
        {
            return Problem(StatusCodes.Status404NotFound, AdminApiText.Get("definition.unknown", id));
        }
        var wanted = version ?? latest.Version;
        if (await definitions.JsonAsync(id, wanted, cancellationToken) is not { } json)
        {
            return Problem(StatusCodes.Status404NotFound, AdminApiText.Get("definition.notfound", id, wanted));
        }
        using var document = JsonDocument.Parse(json);
        return TypedResults.Ok(new DefinitionResponse(id, CaseViews.Pick(latest.Name), wanted, latest.Version,
            Versions(await definitions.VersionsAsync(cancellationToken), id), document.RootElement.Clone()));
    }

    private static async Task<Ok<DefinitionValidationResponse>> ValidateAsync(HttpContext context, DefinitionPublishing definitions)
    {
        var json = await ReadBodyAsync(context);
        var check = definitions.Check(json);
        return TypedResults.Ok(new DefinitionValidationResponse(check.IsValid, check.Definition?.Id, check.Definition?.Version, Problems(check.Problems)));
    }

    private static async Task<Results<Created<DefinitionVersionView>, ProblemHttpResult>> PublishAsync(HttpContext context, DefinitionPublishing definitions)
    {
        var json = await ReadBodyAsync(context);
        try
        {
            var published = await definitions.PublishAsync(json, context.User.StaffId(), context.RequestAborted);
            return TypedResults.Created($"/api/v1/definitions/{published.Id}?version={published.Version}",
                new DefinitionVersionView(published.Version, DateTimeOffset.UtcNow, context.User.StaffId()));
        }
        catch (DefinitionRefusedException e)
        {
            var problem = TypedResults.Problem(detail: AdminApiText.Get("definition.refused", e.Problems.Count),
                statusCode: StatusCodes.Status422UnprocessableEntity, title: ApiProblems.Title(StatusCodes.Status422UnprocessableEntity),
                extensions: new Dictionary<string, object?> { ["problems"] = Problems(e.Problems) });
            return problem;
        }
        catch (DefinitionVersionEditedException)
        {
            return Problem(StatusCodes.Status409Conflict, AdminApiText.Get("definition.conflict"));
        }
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        var validation = new Validation();
        var json = await UploadedText.ReadAsync(context.Request, validation);
        validation.ThrowIfInvalid();
        return json!;
    }

    private static IReadOnlyList<DefinitionVersionView> Versions(IReadOnlyList<DefinitionVersionEntry> versions, string id) =>
        versions.Where(v => v.Id == id).OrderByDescending(v => v.Version).Select(v => new DefinitionVersionView(v.Version, v.PublishedAt, v.PublishedBy)).ToList();

    private static IReadOnlyList<DefinitionProblemView> Problems(IReadOnlyList<DefinitionCheckProblem> problems) =>
        problems.Select(p => new DefinitionProblemView(p.Path, p.Line, p.Problem)).ToList();

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: ApiProblems.Title(status));
}
