using ServiceWindow.Host.Api;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Pages.Cases;

/// The refusals a page shows as a sentence rather than an error page: a stale form, an action the
/// stage does not allow, a reused form key. The words are the API's, so both say the same.
public static class CaseProblems
{
    public static string? Describe(Exception exception) => exception switch
    {
        TransitionRefusedException { IsVersionConflict: true } or ConcurrencyConflictException => ApiText.Get("conflict.detail"),
        TransitionRefusedException e => ApiText.Get("refused.detail", e.Stage, e.Action, e.Reason),
        IdempotencyKeyReusedException => ApiText.Get("idempotency.reused"),
        ApiProblemException e => ApiText.Get(e.TextKey),
        CaseNotFoundException => ApiText.Get("case.notfound"),
        _ => null,
    };

    public static bool IsStale(Exception exception) =>
        exception is TransitionRefusedException { IsVersionConflict: true } or ConcurrencyConflictException;
}
