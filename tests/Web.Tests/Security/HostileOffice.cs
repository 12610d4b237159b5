using System.Security.Claims;
using Dapper;
using Hangfire;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Pages.Desk;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Web.Tests.Security;

/// The demo office with <see cref="HostileText.Script"/> in every text a person types that a page
/// prints today: the department, window, clerk and catalogue item names (hall, statistics), a case's applicant and
/// inputs (queue, case), a case of the hostile definition (queue, lookup, statistics by item, case), a refusal's
/// reason (case, refusal notice), an extension's reason (extension notice, board), a referred inquiry's matter
/// (case), an interview finding's reason and statement (board), and a background job's argument (the jobs dashboard).
/// The cases are all on the clerk's window, opened by the clerk: the route matrix's clerk, handler and
/// section chief (of that window's department) see them as leaders and the efficiency office do.
public static class HostileOffice
{
    public const string Clerk = "wang.fang";

    /// The clerk's sign-in password (the clerk has an account, so the user list shows the name).
    public const string Password = "counter-pass-1";

    private const string Window = "marriage-1";

    public static async Task<HostileCase> SeedAsync(WebFixture web)
    {
        await web.ResetAsync();
        await web.Service<UserAccounts>().AddAsync(Clerk, HostileText.Script, ["clerk", "handler"], Password, Window);
        await using (var connection = await web.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                update departments set name_zh = @text, name_en = @text where id = 'civil-affairs';
                update windows set name_zh = @text, name_en = @text where id = 'marriage-1';
                update staff set display_name = @text where id = @clerk;
                insert into service_items (code, name_zh, name_en, department_id, kind, legal_basis, statutory_limit, promised_limit, definition_id)
                values ('marriage-registration', @text, @text, 'civil-affairs', 'immediate', @text, '0wd', '0wd', 'marriage-registration');
                """, new { text = HostileText.Script, clerk = Clerk });
        }
        var clerk = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Clerk), new Claim(ClaimTypes.Role, "clerk"), new Claim(ClaimTypes.Role, "handler")], "Test"));
        var intake = web.Service<CaseIntake>();
        var inputs = new Dictionary<string, string> { ["party_a"] = HostileText.Script, ["party_b"] = HostileText.Script };
        var applicant = new ApplicantRequest(HostileText.Script, "110101199003071233", "13812345678");
        await intake.OpenAsync(clerk, new IntakeRequest("marriage-registration", "marriage-1", applicant, ["id_cards", "declaration"], Inputs: inputs), null);
        // One material missing, so the lookup lists a (hostile) material name.
        var hostile = await intake.OpenAsync(clerk, new IntakeRequest(SecurityFixture.HostileDefinitionId, "marriage-1", applicant, ["id_cards"], Inputs: inputs), null);
        var refused = await intake.OpenAsync(clerk, new IntakeRequest("marriage-registration", "marriage-1", applicant, ["id_cards", "declaration"], Inputs: inputs), null);
        await web.Service<CaseCommands>().ExecuteAsync(refused.Id, new CaseCommand("refuse", Actor.Staff(Clerk, "clerk"), refused.Version,
            new Dictionary<string, string> { ["reason"] = HostileText.Script }));
        // No server runs in the tests: the job stays enqueued, and the dashboard shows its argument.
        // Hangfire logs through one static provider, the logger factory of whichever host was built
        // last in this process, which may be disposed by now: the client gets Hangfire's own default
        // (no logging), and no global filters, which log the same way.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        var jobs = new BackgroundJobClient(web.Service<JobStorage>(), new Hangfire.Common.JobFilterCollection());
        var job = jobs.Enqueue(() => Console.WriteLine(HostileText.Script));

        var extended = await AllowanceAsync(web, clerk, DeskDecision.Accept);
        var version = await RequestExtensionAsync(web, extended.CaseId);
        await web.Service<CaseCommands>().ExecuteAsync(extended.CaseId, new CaseCommand("approve_extension", Actor.Staff("sun.min", "leader"), version,
            new Dictionary<string, string>()));
        var pending = await AllowanceAsync(web, clerk, DeskDecision.Accept);
        await RequestExtensionAsync(web, pending.CaseId);
        var supplement = await AllowanceAsync(web, clerk, DeskDecision.Supplement, "application_form", "id_cards");
        var inquiry = await web.Service<DeskInquiries>().LogAsync(clerk, new DeskInquiry(HostileText.Script, "window", Window, Refer: true,
            Answer: null, TargetWindow: "hall-1", Contact: HostileText.Script, Guid.NewGuid().ToString("N")));

        var findings = web.Service<FindingRegister>();
        var finding = await findings.OpenInterviewAsync(Window, "chen.jing", new DateOnly(2026, 1, 1), HostileText.Script);
        await findings.StateAsync(finding!.Value, "chen.jing", HostileText.Script);
        return new HostileCase(hostile.Id, hostile.ReceiptNumber, hostile.LookupSecret, refused.Id, job,
            extended.CaseId, pending.CaseId, supplement.CaseId, inquiry);
    }

    // A minimum living allowance case taken at the desk, the clerk its handler: it has a clock, so it
    // can be paused for materials and extended.
    private static Task<DeskOutcome> AllowanceAsync(WebFixture web, ClaimsPrincipal clerk, DeskDecision decision, params string[] received) =>
        web.Service<DeskIntake>().TakeAsync(clerk, new DeskApplication("minimum-living-allowance", Window, HostileText.Script,
            "110105198504120022", "13912345678",
            received.Length > 0 ? received : ["application_form", "id_cards", "household_register", "income_statement", "verification_consent"],
            new Dictionary<string, string> { ["household_size"] = "3", ["handler"] = Clerk }, decision, Guid.NewGuid().ToString("N")));

    private static async Task<long> RequestExtensionAsync(WebFixture web, Guid caseId)
    {
        var commands = web.Service<CaseCommands>();
        var version = await CurrentVersionAsync(web, caseId);
        return (await commands.ExecuteAsync(caseId, new CaseCommand("request_extension", Actor.Staff(Clerk, "handler"), version,
            new Dictionary<string, string> { ["extension"] = "5wd", ["reason"] = HostileText.Script }))).Version;
    }

    private static async Task<long> CurrentVersionAsync(WebFixture web, Guid caseId)
    {
        await using var connection = await web.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select version from cases where id = @caseId", new { caseId });
    }
}
