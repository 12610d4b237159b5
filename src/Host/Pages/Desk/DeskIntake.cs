using System.Security.Claims;
using Microsoft.Extensions.Localization;
using ServiceWindow.Host.Api;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Pages.Guide;
using ServiceWindow.Host.Resources.Pages;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Pages.Desk;

/// The window desk's intake: opens the case through the API's own intake (same checks, same
/// receipt and secret) and then takes the clerk's decision through the same command path: the
/// acceptance that starts the clock, one supplement request naming everything not handed in, or
/// the refusal with its reason. Every check that can be made before writing is made first, so a
/// refused form opens no case; each step carries its own idempotency key, so a resubmitted form
/// finishes what the first one started instead of doing it twice.
public sealed class DeskIntake(CaseIntake intake, CaseCommands commands, ServiceGuideCatalogue catalogue, IStringLocalizer<CaseText> text)
{
    public const int MaxInputLength = CaseIntake.MaxInputLength;

    /// The service item by its short code, definition id, or its full Chinese or English name.
    public async Task<ServiceGuideEntry?> FindItemAsync(string? item, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(item))
        {
            return null;
        }
        var wanted = item.Trim();
        return (await catalogue.AllAsync(cancellationToken)).FirstOrDefault(e =>
            string.Equals(e.Code, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(e.Id, wanted, StringComparison.Ordinal)
            || string.Equals(e.Definition.Name.Zh, wanted, StringComparison.Ordinal)
            || string.Equals(e.Definition.Name.En, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<DeskPlan?> PlanAsync(ClaimsPrincipal user, string? item, CancellationToken cancellationToken = default) =>
        await FindItemAsync(item, cancellationToken) is { } entry ? DeskPlan.For(entry.Definition, Roles(user)) : null;

    public async Task<DeskOutcome> TakeAsync(ClaimsPrincipal user, DeskApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var validation = new Validation();
        var plan = await PlanAsync(user, application.Item, cancellationToken);
        if (plan is null)
        {
            validation.Add("$.item", text["Desk.UnknownItem"]);
            validation.ThrowIfInvalid();
        }
        var missing = plan!.Definition.Item.Materials.Select(m => m.Id).Except(application.Received, StringComparer.Ordinal).ToList();
        var needed = application.Decision switch
        {
            DeskDecision.Refuse => plan.Refusal?.Inputs ?? [],
            _ => plan.AcceptanceInputs,
        };
        switch (application.Decision)
        {
            case DeskDecision.Supplement when plan.Supplement is null:
                validation.Add("decision", text["Desk.NoSupplement"]);
                break;
            case DeskDecision.Supplement when missing.Count == 0:
                validation.Add("decision", text["Desk.NothingMissing"]);
                break;
            case DeskDecision.Refuse when plan.Refusal is null:
                validation.Add("decision", text["Desk.NoRefusal"]);
                break;
        }
        var decisionInputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in needed)
        {
            if (validation.Text($"$.inputs.{name}", application.Inputs.GetValueOrDefault(name), 1, MaxInputLength) is { } value)
            {
                decisionInputs[name] = value;
            }
        }
        validation.ThrowIfInvalid();

        var startInputs = plan.StartInputs.ToDictionary(name => name, name => application.Inputs.GetValueOrDefault(name) ?? "", StringComparer.Ordinal);
        var opened = await intake.OpenAsync(user, new IntakeRequest(plan.Definition.Id, application.Window,
            new ApplicantRequest(application.ApplicantName, application.IdNumber, application.Phone), application.Received,
            plan.Start.Id, startInputs), application.Key, cancellationToken);
        // Each step expects the version the step before it left, as its outcome recorded it: a
        // resubmitted form then asks the very same commands again and gets their first answers.
        var version = opened.Version;
        async Task StepAsync(string action, IReadOnlyDictionary<string, string> inputs)
        {
            var actor = user.Actor();
            version = (await commands.ExecuteAsync(opened.Id, new CaseCommand(action, actor, version, inputs),
                $"action:{actor.Id}:{application.Key}-{action}", cancellationToken)).Version;
        }
        if (application.Decision == DeskDecision.Refuse)
        {
            await StepAsync(plan.Refusal!.Id, decisionInputs);
        }
        else
        {
            if (plan.Acceptance is { } acceptance)
            {
                await StepAsync(acceptance.Id, decisionInputs);
            }
            if (application.Decision == DeskDecision.Supplement)
            {
                await StepAsync(plan.Supplement!.Id, new Dictionary<string, string> { ["materials"] = string.Join(",", missing) });
            }
        }
        return new DeskOutcome(opened.Id, opened.ReceiptNumber, opened.LookupSecret, application.Decision);
    }

    public static IReadOnlySet<string> Roles(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}
