using System.Security.Claims;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Api.Cases;

/// Takes an action on a case at the version the caller last saw. The engine decides whether the
/// action, the role and the inputs are right for the stage; the answer is the case afterwards.
public sealed class CaseActions(CaseCommands commands, CaseQueries queries, CaseReading reading)
{
    public async Task<CaseDetailResponse> ExecuteAsync(ClaimsPrincipal user, Guid id, string action, string? ifMatch,
        IReadOnlyDictionary<string, string>? body, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        var validation = new Validation();
        if (!CaseIntake.InputName().IsMatch(action))
        {
            validation.Add("action", ApiText.Get("validation.action"));
        }
        var expected = ExpectedVersion(ifMatch);
        if (expected is null)
        {
            validation.Add("If-Match", ApiText.Get("validation.ifmatch"));
        }
        var key = CaseIntake.IdempotencyKey(validation, idempotencyKey);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        CaseIntake.Inputs(validation, "$", body, inputs);
        validation.ThrowIfInvalid();

        _ = await queries.FindAsync(id, user.CaseScope(), cancellationToken) ?? throw new CaseNotFoundException(id);
        var actor = user.Actor();
        await commands.ExecuteAsync(id, new CaseCommand(action, actor, expected!.Value, inputs),
            key is null ? null : $"action:{actor.Id}:{key}", cancellationToken);
        return await reading.SummaryAsync(user, id, cancellationToken);
    }

    /// `"3"`, `W/"3"` or a bare `3`.
    public static long? ExpectedVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return null;
        }
        var text = ifMatch.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }
        text = text.Trim('"');
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
               && version > 0 ? version : null;
    }
}
