using System.Net;
using System.Text;
using System.Text.Json;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

/// Bad input across the endpoints: each request is refused with a 4xx problem, never a 500 or a
/// stack trace, and none of them writes a row.
[Collection(HostDatabase.Name)]
public sealed class MalformedRequestTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private const string Valid =
        """
        "item": "marriage-registration", "window": "marriage-1",
        "applicant": {"name": "张三", "idNumber": "110101199003071233", "phone": "13812345678"},
        "materialsReceived": ["id_cards"], "inputs": {"party_a": "张三", "party_b": "李四"}
        """;

    private static string Intake(string replace, string with) => "{" + (replace.Length == 0 ? Valid : Valid.Replace(replace, with)) + "}";

    private sealed record Bad(string Name, string Method, string Path, string? Body, int Status, string ContentType = "application/json",
        string? IfMatch = "\"1\"", string? IdempotencyKey = null, bool Anonymous = false);

    private static IEnumerable<Bad> Requests(Guid id, string receipt, string secret)
    {
        const string cases = "/api/v1/cases";
        var act = $"/api/v1/cases/{id}/actions/register";
        yield return new("empty body", "POST", cases, "", 400);
        yield return new("truncated json", "POST", cases, "{", 400);
        yield return new("not json", "POST", cases, "not json", 400);
        yield return new("array", "POST", cases, "[]", 400);
        yield return new("null", "POST", cases, "null", 400);
        yield return new("item as number", "POST", cases, Intake("\"item\": \"marriage-registration\"", "\"item\": 1"), 400);
        yield return new("unknown field", "POST", cases, Intake("\"window\":", "\"bogus\": 1, \"window\":"), 400);
        yield return new("missing item", "POST", cases, Intake("\"item\": \"marriage-registration\",", ""), 400);
        yield return new("missing window", "POST", cases, Intake("\"window\": \"marriage-1\",", ""), 400);
        yield return new("missing applicant", "POST", cases,
            Intake("\"applicant\": {\"name\": \"张三\", \"idNumber\": \"110101199003071233\", \"phone\": \"13812345678\"},", ""), 400);
        yield return new("missing materials", "POST", cases, Intake("\"materialsReceived\": [\"id_cards\"],", ""), 400);
        yield return new("empty name", "POST", cases, Intake("\"name\": \"张三\"", "\"name\": \"  \""), 400);
        yield return new("name too long", "POST", cases, Intake("\"name\": \"张三\"", $"\"name\": \"{new string('张', 51)}\""), 400);
        yield return new("id number 17 characters", "POST", cases, Intake("110101199003071233", "11010119900307123"), 400);
        yield return new("id number wrong check digit", "POST", cases, Intake("110101199003071233", "110101199003071234"), 400);
        yield return new("id number 30 February", "POST", cases, Intake("110101199003071233", "110101199902301231"), 400);
        yield return new("id number born after today", "POST", cases, Intake("110101199003071233", "110101203001011236"), 400);
        yield return new("id number letters", "POST", cases, Intake("110101199003071233", "11010119900307ABCD"), 400);
        yield return new("id number as number", "POST", cases, Intake("\"110101199003071233\"", "110101199003071233"), 400);
        yield return new("phone 10 digits", "POST", cases, Intake("13812345678", "1381234567"), 400);
        yield return new("phone starting 12", "POST", cases, Intake("13812345678", "12812345678"), 400);
        yield return new("phone letters", "POST", cases, Intake("13812345678", "138abcd5678"), 400);
        yield return new("unknown item", "POST", cases, Intake("marriage-registration", "no-such-item"), 400);
        yield return new("unknown window", "POST", cases, Intake("marriage-1", "window-99"), 400);
        yield return new("unknown material", "POST", cases, Intake("[\"id_cards\"]", "[\"passport\"]"), 400);
        yield return new("materials not a list", "POST", cases, Intake("[\"id_cards\"]", "\"id_cards\""), 400);
        yield return new("material as number", "POST", cases, Intake("[\"id_cards\"]", "[1]"), 400);
        yield return new("reserved input", "POST", cases, Intake("\"party_a\": \"张三\"", "\"window\": \"hall-1\""), 400);
        yield return new("bad input name", "POST", cases, Intake("\"party_a\": \"张三\"", "\"Party-A\": \"张三\""), 400);
        yield return new("input too long", "POST", cases, Intake("\"party_a\": \"张三\"", $"\"party_a\": \"{new string('x', 2001)}\""), 400);
        yield return new("input as number", "POST", cases, Intake("\"party_a\": \"张三\"", "\"party_a\": 1"), 400);
        yield return new("input as object", "POST", cases, Intake("\"party_a\": \"张三\"", "\"party_a\": {\"b\": 1}"), 400);
        yield return new("unknown start action", "POST", cases, Intake("\"item\":", "\"start\": \"teleport\", \"item\":"), 400);
        yield return new("applicant as text", "POST", cases,
            Intake("{\"name\": \"张三\", \"idNumber\": \"110101199003071233\", \"phone\": \"13812345678\"}", "\"张三\""), 400);
        yield return new("applicant unknown field", "POST", cases, Intake("\"name\": \"张三\"", "\"name\": \"张三\", \"age\": 30"), 400);
        yield return new("trailing garbage", "POST", cases, Intake("", "") + " x", 400);
        yield return new("item too long", "POST", cases, Intake("marriage-registration", new string('m', 101)), 400);
        yield return new("text/plain", "POST", cases, Intake("", ""), 415, ContentType: "text/plain");
        yield return new("body over 1 MiB", "POST", cases, Intake("\"party_a\": \"张三\"", $"\"party_a\": \"{new string('x', 1_100_000)}\""), 413);
        yield return new("idempotency key too long", "POST", cases, Intake("", ""), 400, IdempotencyKey: new string('k', 101));
        yield return new("idempotency key with a space", "POST", cases, Intake("", ""), 400, IdempotencyKey: "a b");
        yield return new("no If-Match", "POST", act, "{\"certificate_number\": \"J1\"}", 400, IfMatch: null);
        yield return new("If-Match not a number", "POST", act, "{\"certificate_number\": \"J1\"}", 400, IfMatch: "\"abc\"");
        yield return new("If-Match zero", "POST", act, "{\"certificate_number\": \"J1\"}", 400, IfMatch: "\"0\"");
        yield return new("If-Match negative", "POST", act, "{\"certificate_number\": \"J1\"}", 400, IfMatch: "\"-1\"");
        yield return new("action body array", "POST", act, "[1]", 400);
        yield return new("action input number", "POST", act, "{\"certificate_number\": 5}", 400);
        yield return new("action body malformed", "POST", act, "{\"certificate_number\": ", 400);
        yield return new("action reserved input", "POST", act, "{\"applicant_id_number\": \"110101199003071233\"}", 400);
        yield return new("action name uppercase", "POST", $"/api/v1/cases/{id}/actions/REGISTER", "{}", 400);
        yield return new("action on unknown case", "POST", $"/api/v1/cases/{Guid.NewGuid()}/actions/register", "{\"certificate_number\": \"J1\"}", 404);
        yield return new("action on non-id", "POST", "/api/v1/cases/abc/actions/register", "{}", 404);
        yield return new("action not in stage", "POST", $"/api/v1/cases/{id}/actions/approve_extension", "{}", 422);
        yield return new("action missing input", "POST", act, "{}", 422);
        yield return new("page zero", "GET", "/api/v1/cases?page=0", null, 400);
        yield return new("page not a number", "GET", "/api/v1/cases?page=abc", null, 400);
        yield return new("page size too big", "GET", "/api/v1/cases?pageSize=1000", null, 400);
        yield return new("overdue not boolean", "GET", "/api/v1/cases?overdue=maybe", null, 400);
        yield return new("date month 13", "GET", "/api/v1/cases?acceptedFrom=2026-13-01", null, 400);
        yield return new("unknown warning", "GET", "/api/v1/cases?warning=purple", null, 400);
        yield return new("unknown filter", "GET", "/api/v1/cases?foo=1", null, 400);
        yield return new("empty filter", "GET", "/api/v1/cases?stage=", null, 400);
        yield return new("detail of unknown case", "GET", $"/api/v1/cases/{Guid.NewGuid()}", null, 404);
        yield return new("history of unknown case", "GET", $"/api/v1/cases/{Guid.NewGuid()}/history", null, 404);
        yield return new("delete a case", "DELETE", $"/api/v1/cases/{id}", null, 405);
        yield return new("put a case", "PUT", $"/api/v1/cases/{id}", "{}", 405);
        yield return new("token without fields", "POST", "/api/v1/tokens", "{}", 400, Anonymous: true);
        yield return new("token without password", "POST", "/api/v1/tokens", "{\"login\": \"wang.fang\"}", 400, Anonymous: true);
        yield return new("token login as number", "POST", "/api/v1/tokens", "{\"login\": 1, \"password\": \"x\"}", 400, Anonymous: true);
        yield return new("token unknown field", "POST", "/api/v1/tokens", "{\"login\": \"a\", \"password\": \"b\", \"otp\": 1}", 400, Anonymous: true);
        yield return new("lookup without secret", "GET", $"/api/v1/public/cases/{receipt}", null, 404, Anonymous: true);
        yield return new("rating score 6", "POST", $"/api/v1/public/cases/{receipt}/rating", $"{{\"secret\": \"{secret}\", \"score\": 6}}", 400,
            Anonymous: true);
        yield return new("rating score as text", "POST", $"/api/v1/public/cases/{receipt}/rating", $"{{\"secret\": \"{secret}\", \"score\": \"five\"}}",
            400, Anonymous: true);
        yield return new("rating unknown field", "POST", $"/api/v1/public/cases/{receipt}/rating",
            $"{{\"secret\": \"{secret}\", \"score\": 5, \"stars\": 5}}", 400, Anonymous: true);
        yield return new("rating before completion", "POST", $"/api/v1/public/cases/{receipt}/rating", $"{{\"secret\": \"{secret}\", \"score\": 5}}",
            422, Anonymous: true);
        yield return new("rating with wrong secret", "POST", $"/api/v1/public/cases/{receipt}/rating", "{\"secret\": \"WRONGSECRET1\", \"score\": 5}",
            404, Anonymous: true);

        // Inquiries, complaints and findings
        const string inquiries = "/api/v1/inquiries";
        yield return new("inquiry without matter", "POST", inquiries, "{\"channel\": \"phone\"}", 400);
        yield return new("inquiry unknown channel", "POST", inquiries, "{\"channel\": \"fax\", \"matter\": \"x\"}", 400);
        yield return new("inquiry unknown window", "POST", inquiries, "{\"channel\": \"phone\", \"matter\": \"x\", \"window\": \"window-99\"}", 400);
        yield return new("inquiry matter as number", "POST", inquiries, "{\"channel\": \"phone\", \"matter\": 7}", 400);
        yield return new("inquiry unknown field", "POST", inquiries, "{\"channel\": \"phone\", \"matter\": \"x\", \"owner\": \"li.na\"}", 400);
        yield return new("inquiry matter with NUL", "POST", inquiries, "{\"channel\": \"phone\", \"matter\": \"a\\u0000b\"}", 400);
        yield return new("inquiry matter too long", "POST", inquiries, $"{{\"channel\": \"phone\", \"matter\": \"{new string('x', 2001)}\"}}", 400);
        yield return new("referral without If-Match", "POST", $"{inquiries}/{id}/referral", "{\"targetWindow\": \"hall-1\", \"contact\": \"13812345678\"}", 400);
        yield return new("referral body array", "POST", $"{inquiries}/{id}/referral", "[]", 400);
        yield return new("answer on non-id", "POST", $"{inquiries}/abc/answer", "{\"answer\": \"x\"}", 404);
        yield return new("acknowledgement without If-Match", "POST", $"{inquiries}/{id}/acknowledgement", null, 400);
        yield return new("case from inquiry without If-Match", "POST", $"{inquiries}/{id}/case", Intake("", ""), 400);
        yield return new("case from inquiry body array", "POST", $"{inquiries}/{id}/case", "[]", 400);
        yield return new("inquiry detail of a case that is no inquiry", "GET", $"{inquiries}/{id}", null, 404);
        yield return new("complaint without complainant", "POST", "/api/v1/complaints", "{\"about\": \"x\", \"window\": \"marriage-1\"}", 400);
        yield return new("complaint case not a uuid", "POST", "/api/v1/complaints", "{\"complainant\": \"a\", \"about\": \"b\", \"case\": \"abc\"}", 400);
        yield return new("complaint names case and window", "POST", "/api/v1/complaints",
            $"{{\"complainant\": \"a\", \"about\": \"b\", \"case\": \"{id}\", \"window\": \"marriage-2\"}}", 400);
        yield return new("complaint about neither case nor window", "POST", "/api/v1/complaints", "{\"complainant\": \"a\", \"about\": \"b\"}", 400);
        yield return new("complaint against unknown case", "POST", "/api/v1/complaints",
            $"{{\"complainant\": \"a\", \"about\": \"b\", \"case\": \"{Guid.NewGuid()}\"}}", 400);
        yield return new("findings unknown status", "GET", "/api/v1/findings?status=closed", null, 400);
        yield return new("findings unknown filter", "GET", "/api/v1/findings?kind=misconduct", null, 400);
        yield return new("statement without text", "POST", $"/api/v1/findings/{Guid.NewGuid()}/statement", "{}", 400);
        yield return new("statement as number", "POST", $"/api/v1/findings/{Guid.NewGuid()}/statement", "{\"statement\": 5}", 400);
        yield return new("statement on unknown finding", "POST", $"/api/v1/findings/{Guid.NewGuid()}/statement", "{\"statement\": \"x\"}", 404);
        yield return new("finding detail on non-id", "GET", "/api/v1/findings/abc", null, 404);
    }

    [Fact]
    public async Task Requests_AreRefusedWith4xxProblemAndWriteNothing_WhenMalformed()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var anonymous = session.Anonymous();
        var before = await session.RowCountsAsync();
        var wrong = new List<string>();
        var requests = Requests(opened.Id(), opened.Text("receiptNumber"), opened.Text("lookupSecret")).ToList();

        foreach (var bad in requests)
        {
            var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path);
            if (bad.Body is not null)
            {
                request.Content = new StringContent(bad.Body, Encoding.UTF8, bad.ContentType);
            }
            if (bad.IfMatch is not null && bad.Path.Contains("/actions/"))
            {
                request.Headers.TryAddWithoutValidation("If-Match", bad.IfMatch);
            }
            if (bad.IdempotencyKey is not null)
            {
                request.Headers.TryAddWithoutValidation("Idempotency-Key", bad.IdempotencyKey);
            }
            var response = await (bad.Anonymous ? anonymous : clerk).SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != bad.Status || body.Contains("Exception") || body.Contains("   at "))
            {
                wrong.Add($"{bad.Name}: {(int)response.StatusCode} (expected {bad.Status}) {body[..Math.Min(body.Length, 300)]}");
            }
            else if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                var problem = JsonDocument.Parse(body).RootElement;
                if (problem.GetProperty("status").GetInt32() != bad.Status || problem.GetProperty("title").GetString() is not { Length: > 0 })
                {
                    wrong.Add($"{bad.Name}: not a problem document: {body}");
                }
            }
        }

        Assert.True(requests.Count >= 60, $"only {requests.Count} requests");
        Assert.Empty(wrong);
        Assert.Equal(before, await session.RowCountsAsync());
    }

    // admin: calendar uploads and definitions, sent by the admin, against a scratch workflows folder.
    private sealed record BadUpload(string Name, string Method, string Path, byte[]? Body, int Status, string ContentType = "application/json");

    private static IEnumerable<BadUpload> AdminRequests(string workflows)
    {
        static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
        var allowance = File.ReadAllText(Path.Combine(workflows, "minimum-living-allowance.json"));
        yield return new("calendar empty body", "PUT", "/api/v1/calendars/2027", [], 400);
        yield return new("calendar not UTF-8", "PUT", "/api/v1/calendars/2027", [0x7b, 0xff, 0xfe, 0x7d], 400);
        yield return new("calendar with NUL", "PUT", "/api/v1/calendars/2027", Text("{\"year\": 2027,\u0000}"), 400);
        yield return new("calendar year 1800", "PUT", "/api/v1/calendars/1800", Text("{}"), 400);
        yield return new("calendar year not a number", "PUT", "/api/v1/calendars/abc", Text("{}"), 404);
        yield return new("calendar replace not boolean", "PUT", "/api/v1/calendars/2027?replace=maybe", Text("{}"), 400);
        yield return new("calendar json of another shape", "PUT", "/api/v1/calendars/2027", Text("{\"year\": \"x\"}"), 422);
        yield return new("calendar truncated json", "POST", "/api/v1/calendars", Text("{\"year\": 2027, \"days\": ["), 422);
        yield return new("calendar ics without events", "POST", "/api/v1/calendars", Text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), 422, "text/calendar");
        yield return new("calendar gap year", "PUT", "/api/v1/calendars/2029", Text("{\"year\": 2029, \"days\": [{\"name\": \"元旦\", \"date\": \"2029-01-01\", \"isOffDay\": true}]}"), 422);
        yield return new("calendar year not covered", "GET", "/api/v1/calendars/2031", null, 404);
        yield return new("calendar delete", "DELETE", "/api/v1/calendars/2026", null, 405);
        yield return new("calendar over 1 MiB", "POST", "/api/v1/calendars", new byte[1_100_000], 413);
        yield return new("definition validate empty", "POST", "/api/v1/definitions/validate", [], 400);
        yield return new("definition validate not UTF-8", "POST", "/api/v1/definitions/validate", [0xc3, 0x28], 400);
        yield return new("definition publish truncated", "POST", "/api/v1/definitions", Text("{\"id\": "), 422);
        yield return new("definition publish array", "POST", "/api/v1/definitions", Text("[]"), 422);
        yield return new("definition publish deep nesting", "POST", "/api/v1/definitions", Text(new string('[', 200) + new string(']', 200)), 422);
        yield return new("definition publish unknown item", "POST", "/api/v1/definitions",
            Text(allowance.Replace("\"id\": \"minimum-living-allowance\"", "\"id\": \"no-such-item\"", StringComparison.Ordinal)), 422);
        yield return new("definition publish old version", "POST", "/api/v1/definitions", Text(allowance), 422);
        yield return new("definition version not a number", "GET", "/api/v1/definitions/marriage-registration?version=abc", null, 400);
        yield return new("definition unknown", "GET", "/api/v1/definitions/no-such-item", null, 404);
        yield return new("user without fields", "POST", "/api/v1/users", Text("{}"), 400);
        yield return new("user roles as text", "POST", "/api/v1/users", Text("{\"login\": \"a.b\", \"name\": \"甲\", \"roles\": \"clerk\", \"window\": \"marriage-1\", \"password\": \"long-enough-1\"}"), 400);
        yield return new("user unknown field", "POST", "/api/v1/users", Text("{\"login\": \"a.b\", \"admin\": true}"), 400);
        yield return new("user name with NUL", "POST", "/api/v1/users", Text("{\"login\": \"a.b\", \"name\": \"\\u0000\", \"roles\": [\"clerk\"], \"window\": \"marriage-1\", \"password\": \"long-enough-1\"}"), 400);
        yield return new("disable unknown user", "POST", "/api/v1/users/nobody.here/disable", null, 404);
    }

    [Fact]
    public async Task AdminRequests_AreRefusedWith4xxProblemAndChangeNothing_WhenMalformed()
    {
        using var workflows = new ScratchWorkflows();
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var admin = await session.SignedInAsync("admin");
        var calendar = await File.ReadAllTextAsync(workflows.CalendarPath);
        var stored = await StoredCatalogueAsync();
        var wrong = new List<string>();
        var requests = AdminRequests(workflows.Path).ToList();

        foreach (var bad in requests)
        {
            var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path);
            if (bad.Body is not null)
            {
                request.Content = new ByteArrayContent(bad.Body);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(bad.ContentType);
            }
            var response = await admin.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != bad.Status || body.Contains("Exception") || body.Contains("   at "))
            {
                wrong.Add($"{bad.Name}: {(int)response.StatusCode} (expected {bad.Status}) {body[..Math.Min(body.Length, 300)]}");
            }
            else if (response.StatusCode != HttpStatusCode.MethodNotAllowed
                && (JsonDocument.Parse(body).RootElement is var problem && (problem.GetProperty("status").GetInt32() != bad.Status
                    || problem.GetProperty("title").GetString() is not { Length: > 0 })))
            {
                wrong.Add($"{bad.Name}: not a problem document: {body}");
            }
        }

        Assert.True(requests.Count >= 10, $"only {requests.Count} requests");
        Assert.Empty(wrong);
        Assert.Equal(calendar, await File.ReadAllTextAsync(workflows.CalendarPath));
        Assert.Equal(stored, await StoredCatalogueAsync());
    }

    private async Task<string> StoredCatalogueAsync()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection,
            "select concat_ws(',', (select count(*) from calendars), (select count(*) from workflow_definitions), (select count(*) from users), (select count(*) from staff))") ?? "";
    }

    [Fact]
    public async Task Open_NamesTheFieldsJsonPath_WhenAFieldIsInvalid()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");

        var zh = await (await clerk.PostAsync("/api/v1/cases", new StringContent(Intake("110101199003071233", "110101199003071234"),
            Encoding.UTF8, "application/json"))).ReadAsync(HttpStatusCode.BadRequest);
        var english = await session.SignedInAsync("wang.fang", "en");
        var en = await (await english.PostAsync("/api/v1/cases", new StringContent(Intake("\"name\": \"张三\"", "\"name\": 7"),
            Encoding.UTF8, "application/json"))).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Equal("请求无效", zh.Text("title"));
        Assert.StartsWith("居民身份证号码无效", zh.GetProperty("errors").GetProperty("$.applicant.idNumber")[0].GetString());
        Assert.Equal("The request is invalid", en.Text("title"));
        Assert.Equal("Unknown field or wrong type", en.GetProperty("errors").GetProperty("$.applicant.name")[0].GetString());
    }
}
