using System.Security.Claims;
using Dapper;
using Hangfire;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Web.Tests.Security;

/// The demo office with <see cref="HostileText.Script"/> in every text a person types that a page
/// prints today: the department, window, clerk and catalogue item names (hall, statistics), a case's applicant and
/// inputs (queue), a case of the hostile definition (queue, lookup, statistics by item), a refusal's
/// reason, and a background job's argument (the jobs dashboard).
public static class HostileOffice
{
    public const string Clerk = "wang.fang";

    public static async Task<HostileCase> SeedAsync(WebFixture web)
    {
        await web.ResetAsync();
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
        // A client without filters: Hangfire's global filters log through the static logger of
        // whichever host was built last in this process, which may be disposed by now.
        var jobs = new BackgroundJobClient(web.Service<JobStorage>(), new Hangfire.Common.JobFilterCollection());
        var job = jobs.Enqueue(() => Console.WriteLine(HostileText.Script));
        return new HostileCase(hostile.Id, hostile.ReceiptNumber, hostile.LookupSecret, refused.Id, job);
    }
}
