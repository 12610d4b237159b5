using System.Security.Claims;
using Microsoft.Extensions.Localization;
using ServiceWindow.Host.Api;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Resources.Pages;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Pages.Desk;

/// Logs an inquiry on the inquiry-referral definition (the logger is its first-inquiry owner) and
/// at once answers it or refers it to another window, whose acknowledgement then runs against
/// the definition's timer. Both steps go through the one command path, each with its own key.
public sealed class DeskInquiries(CaseCommands commands, CaseQueries queries, IStringLocalizer<CaseText> text)
{
    public const string DefinitionId = "inquiry-referral";
    public const int MaxMatterLength = 500;

    public static IReadOnlyList<string> Channels { get; } = ["window", "phone", "online"];

    public async Task<Guid> LogAsync(ClaimsPrincipal user, DeskInquiry inquiry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var validation = new Validation();
        var matter = validation.Text("$.inputs.matter", inquiry.Matter, 1, MaxMatterLength);
        if (inquiry.Channel is null || !Channels.Contains(inquiry.Channel))
        {
            validation.Add("$.inputs.channel", text["Desk.UnknownChannel"]);
        }
        var window = await WindowAsync(validation, "$.window", inquiry.Window, cancellationToken);
        var follow = new Dictionary<string, string>(StringComparer.Ordinal);
        if (inquiry.Refer)
        {
            if (await WindowAsync(validation, "$.inputs.target_window", inquiry.TargetWindow, cancellationToken) is { } target)
            {
                if (target == window)
                {
                    validation.Add("$.inputs.target_window", text["Desk.SameWindow"]);
                }
                follow["target_window"] = target;
            }
            if (validation.Text("$.inputs.contact", inquiry.Contact, 1, 100) is { } contact)
            {
                follow["contact"] = contact;
            }
        }
        else if (validation.Text("$.inputs.answer", inquiry.Answer, 1, CaseIntake.MaxInputLength) is { } answer)
        {
            follow["answer"] = answer;
        }
        CaseIntake.IdempotencyKey(validation, inquiry.Key);
        validation.ThrowIfInvalid();

        var actor = user.Actor();
        var caseId = IntakeReceipts.CaseId(actor.Id, "inquiry:" + inquiry.Key);
        var logged = await commands.OpenAsync(DefinitionId, caseId, new CaseCommand("log", actor, 0,
                new Dictionary<string, string> { ["channel"] = inquiry.Channel!, ["matter"] = matter!, ["window"] = window! }),
            $"inquiry:{actor.Id}:{inquiry.Key}", cancellationToken: cancellationToken);
        await commands.ExecuteAsync(logged.CaseId, new CaseCommand(inquiry.Refer ? "refer" : "answer", actor, logged.Version, follow),
            $"inquiry:{actor.Id}:{inquiry.Key}:{(inquiry.Refer ? "refer" : "answer")}", cancellationToken);
        return logged.CaseId;
    }

    private async Task<string?> WindowAsync(Validation validation, string path, string? window, CancellationToken cancellationToken)
    {
        if (validation.Text(path, window, 1, 64) is not { } id)
        {
            return null;
        }
        if (!await queries.WindowExistsAsync(id, cancellationToken))
        {
            validation.Add(path, ApiText.Get("validation.window"));
            return null;
        }
        return id;
    }
}
