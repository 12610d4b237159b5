using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using ServiceWindow.Host.Tests.Api;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Hostile;

/// Bad bodies, headers and query strings against the case routes: every one a clear 4xx and no
/// row written anywhere; hostile text either refused or stored as the very text sent.
[Collection(HostDatabase.Name)]
public sealed class CasesApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    public static TheoryData<string, string, HttpStatusCode> BadIntakeBodies() => new()
    {
        { "unclosed object", "{", HttpStatusCode.BadRequest },
        { "not JSON", "not json at all", HttpStatusCode.BadRequest },
        { "empty body", "", HttpStatusCode.BadRequest },
        { "null", "null", HttpStatusCode.BadRequest },
        { "array instead of object", "[]", HttpStatusCode.BadRequest },
        { "number for the item", IntakeWith("\"item\":\"marriage-registration\"", "\"item\":5"), HttpStatusCode.BadRequest },
        { "string for the materials", IntakeWith("[\"id_cards\",\"declaration\"]", "\"id_cards\""), HttpStatusCode.BadRequest },
        { "number for the ID number", IntakeWith("\"110101199003071233\"", "110101199003071233"), HttpStatusCode.BadRequest },
        { "huge number for an input", IntakeWith("\"party_b\":\"李四\"", "\"party_b\":1e999999"), HttpStatusCode.BadRequest },
        { "huge integer for the item", IntakeWith("\"item\":\"marriage-registration\"", "\"item\":" + new string('9', 400)), HttpStatusCode.BadRequest },
        { "deep nesting", IntakeWith("\"party_b\":\"李四\"", "\"party_b\":" + HostileInputs.Nested(5000)), HttpStatusCode.BadRequest },
        { "unknown member", IntakeWith("\"item\":", "\"admin\":true,\"item\":"), HttpStatusCode.BadRequest },
        { "null applicant", IntakeWith("\"applicant\":{\"name\":\"张三\",\"idNumber\":\"110101199003071233\",\"phone\":\"13812345678\"}", "\"applicant\":null"),
            HttpStatusCode.BadRequest },
        { "object for an input", IntakeWith("\"party_b\":\"李四\"", "\"party_b\":{\"$ne\":null}"), HttpStatusCode.BadRequest },
        { "empty item", IntakeWith("\"item\":\"marriage-registration\"", "\"item\":\"\""), HttpStatusCode.BadRequest },
        { "unknown window", IntakeWith("\"window\":\"marriage-1\"", "\"window\":\"no-such-window\""), HttpStatusCode.BadRequest },
        { "ID number with a wrong check digit", IntakeWith("110101199003071233", "110101199003071234"), HttpStatusCode.BadRequest },
        { "trailing garbage", HostileRequests.IntakeJson + "}{", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadIntakeBodies))]
    public async Task Open_Returns4xxAndWritesNothing_WhenBodyIsMalformed(string what, string body, HttpStatusCode expected)
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var before = await TableCounts.ReadAsync(fixture.DataSource);

        var response = await clerk.PostRawAsync("/api/v1/cases", body);

        await response.AssertRefusedAsync(expected, what);
        Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
    }

    [Fact]
    public async Task Open_Returns400AndWritesNothing_WhenBodyIsNotUtf8()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var before = await TableCounts.ReadAsync(fixture.DataSource);
        var json = Encoding.UTF8.GetBytes(HostileRequests.IntakeJson);
        var name = Encoding.UTF8.GetBytes("张三");
        var at = json.AsSpan().IndexOf(name);
        // 0xC3 0x28 is an invalid two-byte sequence, 0xFF never appears in UTF-8.
        byte[] body = [.. json[..at], 0xC3, 0x28, 0xFF, 0xFE, .. json[(at + name.Length)..]];

        var response = await clerk.PostRawAsync("/api/v1/cases", body);

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "invalid UTF-8 in the name");
        Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
    }

    [Fact]
    public async Task Open_Returns413AndWritesNothing_WhenBodyIsTenMegabytes()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var before = await TableCounts.ReadAsync(fixture.DataSource);
        var body = IntakeWith("\"party_b\":\"李四\"", "\"party_b\":\"" + new string('x', 10 * 1024 * 1024) + "\"");

        var response = await clerk.PostRawAsync("/api/v1/cases", body);

        await response.AssertRefusedAsync(HttpStatusCode.RequestEntityTooLarge, "10 MB body");
        Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
    }

    [Fact]
    public async Task Open_Returns415AndWritesNothing_WhenBodyIsNotDeclaredJson()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var before = await TableCounts.ReadAsync(fixture.DataSource);

        var response = await clerk.PostRawAsync("/api/v1/cases", HostileRequests.IntakeJson, "text/plain");

        await response.AssertRefusedAsync(HttpStatusCode.UnsupportedMediaType, "text/plain body");
        Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
    }

    public static TheoryData<string, string> TextFields() => new()
    {
        { "item", "\"item\":\"marriage-registration\"" },
        { "window", "\"window\":\"marriage-1\"" },
        { "applicant name", "\"name\":\"张三\"" },
        { "ID number", "\"idNumber\":\"110101199003071233\"" },
        { "phone", "\"phone\":\"13812345678\"" },
        { "material", "\"declaration\"" },
        { "input value", "\"party_b\":\"李四\"" },
        { "input name", "\"party_b\"" },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task Open_RefusesOrStoresTheTextAsSent_WhenAFieldHoldsSqlOrScript(string field, string original)
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var log = new CapturedLog();
        await using var factory = session.Factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(log)));
        var clerk = factory.CreateClient();
        clerk.DefaultRequestHeaders.Authorization = (await session.SignedInAsync("wang.fang")).DefaultRequestHeaders.Authorization;
        var accepted = 0;

        foreach (var fragment in HostileInputs.Fragments)
        {
            var what = $"{field} = {HostileRequests.Shorten(fragment)}";
            var encoded = JsonSerializer.Serialize(fragment);
            var replacement = original.Contains(':', StringComparison.Ordinal)
                ? original[..(original.IndexOf(':', StringComparison.Ordinal) + 1)] + encoded
                : encoded;
            var before = await TableCounts.ReadAsync(fixture.DataSource);

            var response = await clerk.PostRawAsync("/api/v1/cases", IntakeWith(original, replacement));

            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted++;
                var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
                Assert.True(await StateHoldsAsync(id, fragment), $"{what}: accepted but not stored as sent");
            }
            else
            {
                await response.AssertRefusedAsync(HttpStatusCode.BadRequest, what + Environment.NewLine + string.Join(Environment.NewLine,
                    log.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal))));
                Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
            }
        }
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        // Every case row has its opening history entry: no fragment split a write in two.
        Assert.Equal(accepted, await connection.ExecuteScalarAsync<long>("select count(*) from cases"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "select count(*) from cases c where not exists (select 1 from case_history h where h.case_id = c.id)"));
    }

    public static TheoryData<string, string> BadIfMatch() => new()
    {
        { "not a version", "abc" },
        { "negative", "\"-1\"" },
        { "beyond a long", "\"99999999999999999999999\"" },
        { "SQL", "\"1; drop table cases\"" },
        { "empty", "\"\"" },
    };

    [Theory]
    [MemberData(nameof(BadIfMatch))]
    public async Task Act_Returns4xxAndWritesNothing_WhenIfMatchIsGarbage(string what, string ifMatch)
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var before = await TableCounts.ReadAsync(fixture.DataSource);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{opened.Id()}/actions/register")
        {
            Content = new StringContent("""{"certificate_number":"J1"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        var response = await clerk.SendAsync(request);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: got {(int)response.StatusCode}");
        HostileRequests.AssertNothingInternal(await response.Content.ReadAsStringAsync(), what);
        Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
    }

    [Fact]
    public async Task Act_Returns4xxAndWritesNothing_WhenActionOrBodyIsHostile()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var before = await TableCounts.ReadAsync(fixture.DataSource);
        var attempts = new List<(string What, string Action, string Body)>
        {
            ("SQL action name", Uri.EscapeDataString("register'; drop table cases; --"), "{}"),
            ("script action name", Uri.EscapeDataString("<script>alert(1)</script>"), "{}"),
            ("array body", "register", "[1,2,3]"),
            ("number input", "register", """{"certificate_number":12}"""),
            ("deep nesting", "register", """{"certificate_number":""" + HostileInputs.Nested(5000) + "}"),
            ("unclosed body", "register", "{\"certificate_number\":"),
            ("NUL in an input", "register", """{"certificate_number":"J1\u0000"}"""),
            ("escape sequence in an input", "register", """{"certificate_number":"\u001b[2J"}"""),
        };

        foreach (var (what, action, body) in attempts)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{opened.Id()}/actions/{action}")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

            var response = await clerk.SendAsync(request);

            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: got {(int)response.StatusCode}");
            HostileRequests.AssertNothingInternal(await response.Content.ReadAsStringAsync(), what);
            Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
        }
    }

    [Fact]
    public async Task ListAndDetail_Return200Or4xx_WhenQueryStringOrRouteIsHostile()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var before = await TableCounts.ReadAsync(fixture.DataSource);
        var paths = new List<string>
        {
            "/api/v1/cases?page=-1",
            "/api/v1/cases?page=99999999999999999999",
            "/api/v1/cases?pageSize=1000000",
            "/api/v1/cases?pageSize=abc",
            "/api/v1/cases?stage=" + Uri.EscapeDataString("' or 1=1 --"),
            "/api/v1/cases?item=" + Uri.EscapeDataString("<script>alert(1)</script>"),
            "/api/v1/cases?window=" + Uri.EscapeDataString("'; drop table cases; --"),
            "/api/v1/cases?dueBefore=" + Uri.EscapeDataString("yesterday'"),
            "/api/v1/cases?overdue=maybe",
            "/api/v1/cases?sort=" + Uri.EscapeDataString("id; drop table cases"),
            "/api/v1/cases?stage=a&stage=b&stage=c",
            "/api/v1/cases?q=" + new string('x', 10000),
            "/api/v1/cases/not-a-guid",
            "/api/v1/cases/00000000-0000-0000-0000-000000000000",
            "/api/v1/cases/00000000-0000-0000-0000-000000000000/history",
            "/api/v1/cases/" + Uri.EscapeDataString("../../etc/passwd"),
            "/api/v1/queues/mine?page=-5&pageSize=" + new string('9', 30),
        };

        foreach (var path in paths)
        {
            var response = await clerk.GetAsync(path);

            var status = (int)response.StatusCode;
            Assert.True(status is 200 or (>= 400 and < 500), $"{HostileRequests.Shorten(path)}: got {status}");
            HostileRequests.AssertNothingInternal(await response.Content.ReadAsStringAsync(), path);
        }
        // Reads write only the audit of full views, and none of these is one.
        Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
    }

    private static string IntakeWith(string original, string replacement)
    {
        Assert.Contains(original, HostileRequests.IntakeJson, StringComparison.Ordinal);
        var at = HostileRequests.IntakeJson.LastIndexOf(original, StringComparison.Ordinal);
        return HostileRequests.IntakeJson[..at] + replacement + HostileRequests.IntakeJson[(at + original.Length)..];
    }

    private async Task<bool> StateHoldsAsync(Guid id, string text)
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var state = await connection.ExecuteScalarAsync<string>("select state::text from cases where id = @id", new { id });
        return state is not null && Holds(JsonDocument.Parse(state).RootElement, text);
    }

    private static bool Holds(JsonElement element, string text) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() == text,
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name == text || Holds(p.Value, text)),
        JsonValueKind.Array => element.EnumerateArray().Any(e => Holds(e, text)),
        _ => false,
    };
}
