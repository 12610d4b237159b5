using System.Security.Claims;
using System.Text.RegularExpressions;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Api.Inquiries;

/// First-inquiry responsibility (首问负责制) on the command path: whoever logs an inquiry owns it for
/// life and holds it; a referral names another window and a contact number; staff of that window
/// acknowledge it and hold it from then on. What may happen when is the inquiry-referral definition's.
public sealed partial class InquiryHandling(CaseCommands commands, CaseQueries queries, ReferralQueries referrals, CaseIntake intake,
    IWorkflowCatalog catalog, TimeProvider clock)
{
    public const string Definition = ReferralQueries.InquiryDefinition;
    public const string Channel = "channel";
    public const string Matter = "matter";
    public const string TargetWindow = "target_window";
    public const string Contact = "contact";
    public const string Answer = "answer";
    public const string OpenedCase = "case";
    public const string OpenCaseAction = "open_case";

    private const string AcknowledgementTimer = "acknowledgement_due";
    private static readonly HashSet<string> Channels = new(StringComparer.Ordinal) { "in_person", "phone", "online" };

    public async Task<InquiryResponse> LogAsync(ClaimsPrincipal user, InquiryRequest request, string? idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new Validation();
        var key = CaseIntake.IdempotencyKey(validation, idempotencyKey);
        var channel = validation.Text("$.channel", request.Channel, 1, 20);
        if (channel is not null && !Channels.Contains(channel))
        {
            validation.Add("$.channel", InquiryText.Get("validation.channel"));
        }
        var matter = validation.Text("$.matter", request.Matter, 1, CaseIntake.MaxInputLength);
        var window = request.Window is null ? user.FindFirstValue(StaffClaims.Window) : validation.Text("$.window", request.Window, 1, 64);
        if (request.Window is null && window is null)
        {
            validation.Add("$.window", InquiryText.Get("validation.nowindow"));
        }
        else if (window is not null && !await queries.WindowExistsAsync(window, cancellationToken))
        {
            validation.Add("$.window", ApiText.Get("validation.window"));
        }
        validation.ThrowIfInvalid();

        var actor = user.Actor();
        // A retry with the same key reaches the same case id, so the command path answers it from its record.
        var caseId = IntakeReceipts.CaseId(actor.Id, key is null ? null : $"inquiry:{key}");
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal) { [Channel] = channel!, [Matter] = matter!, [InputNames.Window] = window! };
        await commands.OpenAsync(Definition, caseId, new CaseCommand(catalog.Latest(Definition).Start[0].Id, actor, 0, inputs),
            key is null ? null : $"inquiry:{actor.Id}:{key}", null, cancellationToken);
        return await ReadAsync(user, caseId, cancellationToken);
    }

    /// An inquiry the reader may see: theirs, held by them, or logged at their window or department.
    public async Task<InquiryResponse> ReadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) =>
        View(await FindAsync(user, id, cancellationToken));

    public async Task<InquiryResponse> AnswerAsync(ClaimsPrincipal user, Guid id, string? ifMatch, InquiryAnswerRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new Validation();
        var expected = Version(validation, ifMatch);
        var answer = validation.Text("$.answer", request.Answer, 1, CaseIntake.MaxInputLength);
        validation.ThrowIfInvalid();
        _ = await FindAsync(user, id, cancellationToken);
        await commands.ExecuteAsync(id, new CaseCommand(Answer, user.Actor(), expected, new Dictionary<string, string> { [Answer] = answer! }),
            cancellationToken: cancellationToken);
        return await ReadAsync(user, id, cancellationToken);
    }

    public async Task<InquiryResponse> ReferAsync(ClaimsPrincipal user, Guid id, string? ifMatch, ReferralRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new Validation();
        var expected = Version(validation, ifMatch);
        var target = validation.Text("$.targetWindow", request.TargetWindow, 1, 64);
        if (target is not null && !await queries.WindowExistsAsync(target, cancellationToken))
        {
            validation.Add("$.targetWindow", ApiText.Get("validation.window"));
            target = null;
        }
        var contact = validation.Text("$.contact", request.Contact, 5, 20);
        if (contact is not null && !ContactNumber().IsMatch(contact))
        {
            validation.Add("$.contact", InquiryText.Get("validation.contact"));
        }
        validation.ThrowIfInvalid();
        var inquiry = await FindAsync(user, id, cancellationToken);
        if (target == HoldingWindow(inquiry))
        {
            throw new ApiValidationException("$.targetWindow", InquiryText.Get("validation.samewindow"));
        }
        await commands.ExecuteAsync(id, new CaseCommand("refer", user.Actor(), expected,
            new Dictionary<string, string> { [TargetWindow] = target!, [Contact] = contact! }), cancellationToken: cancellationToken);
        return await ReadAsync(user, id, cancellationToken);
    }

    /// The matter is the holder's to handle (办件): the case is opened with the inquiry's first-inquiry owner,
    /// then the inquiry closes as `case_opened`, recording the case's id. Refused intake input writes
    /// nothing; the same call repeated answers the same and writes nothing.
    public async Task<IntakeResponse> OpenCaseAsync(ClaimsPrincipal user, Guid id, string? ifMatch, IntakeRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new Validation();
        var expected = Version(validation, ifMatch);
        validation.ThrowIfInvalid();
        var inquiry = await FindAsync(user, id, cancellationToken);
        var state = CaseStateJson.Deserialize(inquiry.StateJson);
        var caseId = IntakeReceipts.CaseId(user.StaffId(), $"inquiry-case:{id}");
        if (inquiry.Stage == "case_opened" && state.Data.Inputs.GetValueOrDefault(OpenedCase) == caseId.ToString())
        {
            return await intake.OpenFromInquiryAsync(user, request, caseId, state.FirstInquiryOwner, cancellationToken);
        }
        // Checked before the case is opened, so a stale or closed inquiry leaves no case behind.
        if (expected != inquiry.Version)
        {
            throw new ConcurrencyConflictException(id, expected);
        }
        if (catalog.Definition(inquiry.DefinitionId, inquiry.DefinitionVersion).Stages.FirstOrDefault(s => s.Id == inquiry.Stage)
                ?.FindAction(OpenCaseAction) is null)
        {
            throw new TransitionRefusedException(inquiry.Stage, OpenCaseAction, RefusalKind.WrongStage,
                $"no action '{OpenCaseAction}' in stage '{inquiry.Stage}'");
        }
        var opened = await intake.OpenFromInquiryAsync(user, request, caseId, state.FirstInquiryOwner, cancellationToken);
        await commands.ExecuteAsync(id, new CaseCommand(OpenCaseAction, user.Actor(), expected,
            new Dictionary<string, string> { ["definition"] = request.Item!.Trim(), [OpenedCase] = caseId.ToString() }),
            cancellationToken: cancellationToken);
        return opened;
    }

    /// 签收: only staff within reach of the target window may acknowledge, and they hold the inquiry from then on.
    public async Task<InquiryResponse> AcknowledgeAsync(ClaimsPrincipal user, Guid id, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var validation = new Validation();
        var expected = Version(validation, ifMatch);
        validation.ThrowIfInvalid();
        if ((await referrals.PendingAsync(user.CaseScope(), id, cancellationToken)).Count == 0)
        {
            throw new CaseNotFoundException(id);
        }
        await commands.ExecuteAsync(id, CaseCommand.Of("acknowledge", user.Actor(), expected), cancellationToken: cancellationToken);
        return await ReadAsync(user, id, cancellationToken);
    }

    /// The referrals waiting for the reader's window (a section chief: their department's windows).
    public async Task<IReadOnlyList<PendingReferralResponse>> PendingAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return [.. (await referrals.PendingAsync(user.CaseScope(), cancellationToken: cancellationToken)).Select(s => Pending(s, now))];
    }

    private async Task<CaseSummary> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var summary = await queries.FindAsync(id, user.CaseScope(), cancellationToken);
        return summary is { DefinitionId: Definition } ? summary : throw new CaseNotFoundException(id);
    }

    private static long Version(Validation validation, string? ifMatch)
    {
        var expected = CaseActions.ExpectedVersion(ifMatch);
        if (expected is null)
        {
            validation.Add("If-Match", ApiText.Get("validation.ifmatch"));
        }
        return expected ?? 0;
    }

    // Acknowledged, the inquiry is held at the window it was referred to; before that, where it was logged.
    private static string? HoldingWindow(CaseSummary inquiry)
    {
        var inputs = CaseStateJson.Deserialize(inquiry.StateJson).Data.Inputs;
        return inquiry.Stage == "acknowledged" ? inputs.GetValueOrDefault(TargetWindow) : inquiry.WindowId;
    }

    private InquiryResponse View(CaseSummary summary)
    {
        var state = CaseStateJson.Deserialize(summary.StateJson);
        var definition = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion);
        var inputs = state.Data.Inputs;
        return new InquiryResponse(summary.Id, CaseViews.Stage(definition, summary.Stage), summary.Version, summary.WindowId, state.FirstInquiryOwner,
            summary.HandlerId, inputs.GetValueOrDefault(Channel), inputs.GetValueOrDefault(Matter), inputs.GetValueOrDefault(TargetWindow),
            inputs.GetValueOrDefault(Contact), inputs.GetValueOrDefault(Answer), state.OpenedAt, summary.CompletedAt, state.Outcome);
    }

    private PendingReferralResponse Pending(CaseSummary summary, DateTimeOffset now)
    {
        var state = CaseStateJson.Deserialize(summary.StateJson);
        var definition = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion);
        var inputs = state.Data.Inputs;
        var timer = definition.Stages.FirstOrDefault(s => s.Id == ReferralQueries.ReferredStage)?.Timers.FirstOrDefault(t => t.Id == AcknowledgementTimer);
        DateTimeOffset? due = timer is null ? null : DeadlineCalculator.Due(catalog.Calendar, state.StageEnteredAt, timer.After).Due;
        return new PendingReferralResponse(summary.Id, summary.Version, inputs.GetValueOrDefault(Matter), inputs.GetValueOrDefault(Channel),
            summary.WindowId, state.FirstInquiryOwner, inputs.GetValueOrDefault(TargetWindow), inputs.GetValueOrDefault(Contact),
            state.StageEnteredAt, due, due is { } by && now > by);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{3,18}[0-9]$")]
    private static partial Regex ContactNumber();
}
