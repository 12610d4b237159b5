using System.Net;
using System.Net.Http.Json;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class UsersApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Add_CreatesAnAccountThatSignsIn_AndDisable_EndsIt()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var admin = await session.SignedInAsync("admin");

        var added = await (await admin.PostAsJsonAsync("/api/v1/users",
            new { login = "qian.hui", name = "钱慧", roles = new[] { "clerk", "handler" }, window = "marriage-2", password = "window-two-2026" }))
            .ReadAsync(HttpStatusCode.Created);
        var token = await session.Anonymous().PostAsJsonAsync("/api/v1/tokens", new { login = "qian.hui", password = "window-two-2026" });
        await (await admin.PostAsync("/api/v1/users/qian.hui/disable", null)).ReadAsync(HttpStatusCode.NoContent);
        var afterDisable = await session.Anonymous().PostAsJsonAsync("/api/v1/tokens", new { login = "qian.hui", password = "window-two-2026" });

        Assert.Equal("active", added.Text("state"));
        await token.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDisable.StatusCode);
        var list = await (await admin.GetAsync("/api/v1/users")).ReadAsync(HttpStatusCode.OK);
        var row = list.EnumerateArray().Single(u => u.Text("login") == "qian.hui");
        Assert.Equal("disabled", row.Text("state"));
        Assert.Equal("marriage-2", row.Text("window"));
        Assert.Equal(["clerk", "handler"], row.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_ShowsEveryAccount_WithoutPasswordHashes()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var admin = await session.SignedInAsync("admin");

        var response = await admin.GetAsync("/api/v1/users");
        var text = await response.Content.ReadAsStringAsync();
        var list = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(ApiSession.Staff.Order(StringComparer.Ordinal), list.EnumerateArray().Select(u => u.Text("login")).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"login":"new.one","name":"新人","roles":["clerk"],"password":"long-enough-1"}""", "window", "a new staff member without a window")]
    [InlineData("""{"login":"new.one","name":"新人","roles":["clerk"],"window":"window-99","password":"long-enough-1"}""", "window", "an unknown window")]
    [InlineData("""{"login":"new.one","name":"新人","roles":["janitor"],"window":"marriage-1","password":"long-enough-1"}""", "roles", "an unknown role")]
    [InlineData("""{"login":"new.one","name":"新人","roles":["clerk"],"window":"marriage-1","password":"short"}""", "password", "a short password")]
    [InlineData("""{"login":"New One","name":"新人","roles":["clerk"],"window":"marriage-1","password":"long-enough-1"}""", "login", "a login with a space")]
    public async Task Add_Refuses400NamingTheField_WhenTheAccountIsWrong(string body, string field, string edge)
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var admin = await session.SignedInAsync("admin");

        var response = await admin.PostAsync("/api/v1/users", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{edge}: {problem}");
        await (await admin.PostAsync("/api/v1/users/new.one/disable", null)).ReadAsync(HttpStatusCode.NotFound);
    }
}
