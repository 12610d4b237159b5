using System.Security.Claims;
using System.Text.Json;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Accountability;

namespace ServiceWindow.Host.Api.Findings;

/// The accountability register through the API: the efficiency office and leaders read every
/// finding, anyone else only those naming them; the named person gives a statement once, then the
/// efficiency office confirms or dismisses. Each step is the register's compare-and-set, so a step
/// taken from a stale view is refused (409), never applied twice.
public sealed class FindingReview(FindingRegister register)
{
    private static readonly HashSet<string> FilterNames = new(StringComparer.Ordinal) { "staff", "window", "status" };
    private static readonly HashSet<string> Statuses = new(StringComparer.Ordinal) { "open", "confirmed", "dismissed" };

    public static bool ReadsAll(ClaimsPrincipal user) => user.IsInRole(StaffRoles.EfficiencyOffice) || user.IsInRole(StaffRoles.Leader);

    public async Task<IReadOnlyList<FindingResponse>> ListAsync(ClaimsPrincipal user, IQueryCollection query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var validation = new Validation();
        foreach (var name in query.Keys.Where(k => !FilterNames.Contains(k)))
        {
            validation.Add(name, ApiText.Get("validation.field"));
        }
        string? Text(string name) => query.TryGetValue(name, out var value) ? validation.Text(name, value.ToString(), 1, 64) : null;
        var staff = Text("staff");
        var window = Text("window");
        var status = Text("status");
        if (status is not null && !Statuses.Contains(status))
        {
            validation.Add("status", FindingText.Get("validation.status"));
        }
        validation.ThrowIfInvalid();
        if (!ReadsAll(user))
        {
            if (staff is not null && staff != user.StaffId())
            {
                throw new ApiProblemException(StatusCodes.Status403Forbidden, "problem.403");
            }
            staff = user.StaffId();
        }
        var findings = await register.ListAsync(staff, window, cancellationToken);
        return [.. findings.Where(f => status is null || Status(f.Status) == status).Select(View)];
    }

    public async Task<FindingResponse> ReadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) =>
        View(await FindAsync(user, id, cancellationToken));

    /// The named person's statement; anyone else, or a second statement, is refused by the register.
    public async Task<FindingResponse> StateAsync(ClaimsPrincipal user, Guid id, FindingStatementRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new Validation();
        var statement = validation.Text("$.statement", request.Statement, 1, 2000);
        validation.ThrowIfInvalid();
        _ = await FindAsync(user, id, cancellationToken);
        return View(await register.StateAsync(id, user.StaffId(), statement!, cancellationToken));
    }

    public async Task<FindingResponse> ConfirmAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        _ = await FindAsync(user, id, cancellationToken);
        return View(await register.ConfirmAsync(id, user.StaffId(), cancellationToken));
    }

    public async Task<FindingResponse> DismissAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        _ = await FindAsync(user, id, cancellationToken);
        return View(await register.DismissAsync(id, user.StaffId(), cancellationToken));
    }

    private async Task<Finding> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var finding = await register.GetAsync(id, cancellationToken);
        return finding is not null && (ReadsAll(user) || finding.ResponsibleStaffId == user.StaffId())
            ? finding
            : throw new FindingNotFoundException(id);
    }

    private static string Status(FindingStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static FindingResponse View(Finding finding) =>
        new(finding.Id, JsonNamingPolicy.CamelCase.ConvertName(finding.Kind.ToString()), finding.CaseId, finding.WindowId, finding.ResponsibleStaffId,
            finding.Reason, finding.EvidenceSequences, Status(finding.Status), finding.OpenedAt, finding.Statement, finding.StatementAt,
            finding.DecidedAt, finding.DecidedBy);
}
