using System.Net;
using System.Net.Http.Json;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

/// Every staff endpoint against every role: allowed roles get past authorization (whatever the
/// answer then is), other roles get 403, no credentials 401. The public routes need none.
[Collection(HostDatabase.Name)]
public sealed class RoleMatrixTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    // One person per role: who holds exactly that role in the demo office.
    private static readonly Dictionary<string, string> PersonFor = new()
    {
        ["clerk"] = "liu.yang",
        ["section_chief"] = "chen.jing",
        ["leader"] = "sun.min",
        ["efficiency_office"] = "zhou.qiang",
        ["admin"] = "admin",
    };

    private static readonly string[] Readers = ["clerk", "section_chief", "leader", "efficiency_office"];

    private static readonly (string Method, string Path, string[] Allowed)[] Endpoints =
    [
        ("POST", "/api/v1/cases", ["clerk"]),
        ("GET", "/api/v1/cases", Readers),
        ("GET", "/api/v1/cases/{id}", Readers),
        ("GET", "/api/v1/cases/{id}/history", Readers),
        ("POST", "/api/v1/cases/{id}/actions/register", Readers),
        ("GET", "/api/v1/queues/mine", Readers),
        ("GET", "/api/v1/windows", [.. Readers, "admin"]),
        // Inquiries, complaints and findings
        ("POST", "/api/v1/inquiries", Readers),
        ("GET", "/api/v1/inquiries/referrals/pending", Readers),
        ("GET", "/api/v1/inquiries/{id}", Readers),
        ("POST", "/api/v1/inquiries/{id}/answer", ["clerk", "section_chief"]),
        ("POST", "/api/v1/inquiries/{id}/referral", ["clerk", "section_chief"]),
        ("POST", "/api/v1/inquiries/{id}/acknowledgement", ["clerk", "section_chief"]),
        ("POST", "/api/v1/inquiries/{id}/case", ["clerk", "section_chief"]),
        ("POST", "/api/v1/complaints", ["clerk", "efficiency_office"]),
        ("GET", "/api/v1/complaints", ["section_chief", "leader", "efficiency_office"]),
        ("GET", "/api/v1/complaints/{id}", ["section_chief", "leader", "efficiency_office"]),
        ("POST", "/api/v1/complaints/{id}/verification", ["efficiency_office"]),
        ("GET", "/api/v1/findings", Readers),
        ("GET", "/api/v1/findings/{id}", Readers),
        ("POST", "/api/v1/findings/{id}/statement", Readers),
        ("POST", "/api/v1/findings/{id}/confirmation", ["efficiency_office"]),
        ("POST", "/api/v1/findings/{id}/dismissal", ["efficiency_office"]),
        // Register exports: the efficiency office's own.
        ("GET", "/api/v1/register/findings?year=2026", ["efficiency_office"]),
        ("GET", "/api/v1/register/sanctions?year=2026&format=xlsx", ["efficiency_office"]),
        // Quarterly honours: who circulates them and who approves them.
        ("GET", "/api/v1/statistics/honours?quarter=2026-Q4", ["leader", "efficiency_office"]),
        // Calendars and definitions. Uploads here carry no holiday file or a wrong one, so nothing changes.
        ("GET", "/api/v1/calendars", [.. Readers, "admin"]),
        ("GET", "/api/v1/calendars/2026", [.. Readers, "admin"]),
        ("PUT", "/api/v1/calendars/2027", ["admin"]),
        ("POST", "/api/v1/calendars", ["admin"]),
        ("GET", "/api/v1/definitions", [.. Readers, "admin"]),
        ("GET", "/api/v1/definitions/marriage-registration", [.. Readers, "admin"]),
        ("POST", "/api/v1/definitions/validate", ["admin"]),
        ("POST", "/api/v1/definitions", ["admin"]),
        ("GET", "/api/v1/users", ["admin"]),
        ("POST", "/api/v1/users", ["admin"]),
        ("POST", "/api/v1/users/nobody.here/disable", ["admin"]),
    ];

    // One app and one case for the whole matrix: each cell is one request, and every wrong cell is reported.
    [Fact]
    public async Task Endpoints_AnswerByRole_ForEveryRoleAndWithoutCredentials()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var wrong = new List<string>();
        var cells = 0;

        foreach (var (method, path, allowed) in Endpoints)
        {
            foreach (var role in PersonFor.Keys.Append(""))
            {
                cells++;
                var client = role.Length == 0 ? session.Anonymous() : await session.SignedInAsync(PersonFor[role]);
                var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", opened.Id().ToString()));
                if (method == "POST")
                {
                    request.Content = path.EndsWith("/cases") ? JsonContent.Create(ApiSession.MarriageIntake()) : JsonContent.Create(new { certificate_number = "J1" });
                    request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                }
                var status = (int)(await client.SendAsync(request)).StatusCode;
                var expected = role.Length == 0 ? "401" : allowed.Contains(role) ? "allowed" : "403";
                var right = expected switch
                {
                    "401" => status == 401,
                    "403" => status == 403,
                    _ => status is not (401 or 403) && status < 500,
                };
                if (!right)
                {
                    wrong.Add($"{method} {path} as {(role.Length == 0 ? "nobody" : role)}: {status}, expected {expected}");
                }
            }
        }

        Assert.Equal(Endpoints.Length * (PersonFor.Count + 1), cells);
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("/api/v1/catalogue")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/docs")]
    public async Task PublicPage_Returns200_WithoutCredentials(string path)
    {
        await using var session = await ApiSession.StartAsync(fixture);

        var response = await session.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
