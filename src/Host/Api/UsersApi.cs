using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Api;

/// Sign-in accounts, for the admin: `GET /api/v1/users`, `POST /api/v1/users` (add, or replace an
/// account's name, roles and password), `POST /api/v1/users/{login}/disable`. The same accounts
/// service as `users add|list|disable`.
public static partial class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(policy => policy.RequireRole(StaffRoles.Admin));
        users.MapGet("/", ListAsync).WithName("Users");
        users.MapPost("/", AddAsync).WithName("AddUser");
        users.MapPost("/{login}/disable", DisableAsync).WithName("DisableUser");
    }

    private static async Task<Ok<IReadOnlyList<UserView>>> ListAsync(UserAccounts accounts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<UserView>>((await accounts.ListAsync(cancellationToken))
            .Select(u => new UserView(u.Login, u.DisplayName, u.Roles, u.WindowId,
                u.DisabledAt is not null ? "disabled" : u.LockedUntil > now ? "locked" : "active"))
            .ToList());
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> AddAsync(UserRequest request, UserAccounts accounts,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var login = validation.Text("login", request.Login, 2, 64);
        if (login is not null && !LoginPattern().IsMatch(login))
        {
            validation.Add("login", AdminApiText.Get("user.login"));
        }
        var name = validation.Text("name", request.Name, 1, 50);
        if (request.Roles is not { Length: > 0 } roles || roles.Any(r => !StaffRoles.All.Contains(r)))
        {
            validation.Add("roles", AdminApiText.Get("user.roles", string.Join(", ", StaffRoles.All)));
        }
        var window = request.Window is null ? null : validation.Text("window", request.Window, 1, 64);
        if (request.Password is not { Length: >= UserAccounts.MinimumPasswordLength and <= 200 })
        {
            validation.Add("password", AdminApiText.Get("user.password", UserAccounts.MinimumPasswordLength));
        }
        validation.ThrowIfInvalid();
        try
        {
            await accounts.AddAsync(login!, name!, request.Roles!, request.Password!, window, cancellationToken: cancellationToken);
        }
        catch (ArgumentException)
        {
            throw new ApiValidationException("window", AdminApiText.Get("user.window"));
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "23503")
        {
            throw new ApiValidationException("window", AdminApiText.Get("user.window.unknown"));
        }
        return TypedResults.Created($"/api/v1/users/{login}",
            new UserView(login!, name!, request.Roles!.Distinct().ToList(), window, "active"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DisableAsync(string login, UserAccounts accounts, CancellationToken cancellationToken) =>
        await accounts.DisableAsync(login, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(detail: AdminApiText.Get("user.notfound", login), statusCode: StatusCodes.Status404NotFound,
                title: ApiProblems.Title(StatusCodes.Status404NotFound));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex LoginPattern();
}
