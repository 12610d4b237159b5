using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using ServiceWindow.Host.Api.Findings;
using ServiceWindow.Host.Health;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Api;

/// Every error the API answers, in one place: domain exceptions to their status, bad input to 400
/// with the JSON path, the database gone to 503, anything else to a 500 that says only that. Titles
/// and messages are in the request's language; no body ever carries an exception's text or stack.
public sealed class ApiProblems(IProblemDetailsService problems, ILogger<ApiProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unreachable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        if (httpContext.Response.HasStarted)
        {
            return false;
        }
        httpContext.Response.Clear();
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// Localizes the title of problems the framework writes (401, 404, 405, …) by their status; a
    /// title an endpoint chose itself is kept.
    public static void Customize(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Status = status;
        var title = context.ProblemDetails.Title;
        if (title is null || title == ReasonPhrases.GetReasonPhrase(status) || title.StartsWith("An error occurred", StringComparison.Ordinal)
            || title.StartsWith("One or more validation errors", StringComparison.Ordinal))
        {
            context.ProblemDetails.Title = Title(status);
        }
        context.ProblemDetails.Type ??= $"https://httpstatuses.io/{status}";
        context.ProblemDetails.Extensions.Remove("exception");
    }

    public static string Title(int status) =>
        status is 400 or 401 or 403 or 404 or 405 or 409 or 413 or 415 or 422 or 429 or 500 or 503
            ? ApiText.Get($"problem.{status}")
            : ApiText.Get("problem.generic");

    internal static ProblemDetails Describe(Exception exception) => exception switch
    {
        ApiValidationException e => Validation(e.Errors),
        ApiProblemException e => Problem(e.Status, ApiText.Get(e.TextKey)),
        BadHttpRequestException e => BadRequest(e),
        TransitionRefusedException { IsVersionConflict: true } => Problem(StatusCodes.Status409Conflict, ApiText.Get("conflict.detail")),
        TransitionRefusedException e => Refused(e),
        ConcurrencyConflictException => Problem(StatusCodes.Status409Conflict, ApiText.Get("conflict.detail")),
        CaseNotFoundException => Problem(StatusCodes.Status404NotFound, ApiText.Get("case.notfound")),
        // The window checks answer from the windows found before; the cases' foreign key has the last word.
        UnknownWindowException => Problem(StatusCodes.Status400BadRequest, ApiText.Get("validation.window")),
        FindingNotFoundException => Problem(StatusCodes.Status404NotFound, FindingText.Get("finding.notfound")),
        FindingConflictException => Problem(StatusCodes.Status409Conflict, FindingText.Get("finding.conflict")),
        IdempotencyKeyReusedException => Problem(StatusCodes.Status422UnprocessableEntity, ApiText.Get("idempotency.reused")),
        DatabaseUnreachableException => Problem(StatusCodes.Status503ServiceUnavailable, null),
        HostStoppingException => Problem(StatusCodes.Status503ServiceUnavailable, ApiText.Get("stopping.detail")),
        NpgsqlException e when IsConnectFailure(e) => Problem(StatusCodes.Status503ServiceUnavailable, null),
        _ => Problem(StatusCodes.Status500InternalServerError, null),
    };

    private static bool IsConnectFailure(NpgsqlException exception) => exception is PostgresException postgres
        ? IsServerUnavailable(postgres.SqlState)
        : exception.InnerException is SocketException or TimeoutException or IOException || exception.IsTransient;

    // A server that is stopping, starting or full answers with an error of its own rather than a
    // refused connection (seen by bench/faults/database-restart.sh: 57P03 while it shut down, 57P01
    // for the connections it ended): the database is unavailable, not the request wrong.
    private static bool IsServerUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;

    private static ProblemDetails Refused(TransitionRefusedException e)
    {
        var problem = Problem(StatusCodes.Status422UnprocessableEntity, ApiText.Get("refused.detail", e.Stage, e.Action, e.Reason));
        problem.Extensions["stage"] = e.Stage;
        problem.Extensions["action"] = e.Action;
        problem.Extensions["refusal"] = JsonNamingPolicy.CamelCase.ConvertName(e.Kind.ToString());
        return problem;
    }

    // The framework's binding failures: a JSON error names its path; the rest are about the body as a whole.
    private static ProblemDetails BadRequest(BadHttpRequestException e)
    {
        if (e.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Problem(e.StatusCode, null);
        }
        if (e.InnerException is JsonException json)
        {
            var malformed = json.InnerException?.GetType().Name == "JsonReaderException" || json.Path is null;
            return Validation(new Dictionary<string, string[]>
            {
                [json.Path ?? "$"] = [ApiText.Get(malformed ? "validation.json" : "validation.field")],
            });
        }
        return Validation(new Dictionary<string, string[]> { ["$"] = [ApiText.Get("validation.body")] });
    }

    private static ProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Title(StatusCodes.Status400BadRequest),
        };

    private static ProblemDetails Problem(int status, string? detail) => new() { Status = status, Title = Title(status), Detail = detail };
}
