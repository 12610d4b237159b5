using Microsoft.AspNetCore.Http.HttpResults;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Api;

/// `POST /api/v1/tokens`: a bearer token for a staff login and password. Every failure (unknown
/// login, wrong password, locked, disabled) answers the same 401.
public static class TokensApi
{
    public static void MapTokensApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/tokens", IssueAsync).AllowAnonymous().WithTags("Sign-in").WithName("IssueToken");
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueAsync(TokenRequest request, UserAccounts accounts,
        TokenIssuer issuer, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var login = validation.Text("$.login", request.Login, 1, 64);
        if (string.IsNullOrEmpty(request.Password))
        {
            validation.Add("$.password", ApiText.Get("validation.required"));
        }
        else if (request.Password.Length > 256)
        {
            validation.Add("$.password", ApiText.Get("validation.length", 1, 256));
        }
        validation.ThrowIfInvalid();
        var result = await accounts.VerifyAsync(login!, request.Password!, cancellationToken);
        if (result.User is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: ApiProblems.Title(401), detail: ApiText.Get("signin.failed"));
        }
        var (token, expiresAt) = issuer.Issue(result.User);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }
}
