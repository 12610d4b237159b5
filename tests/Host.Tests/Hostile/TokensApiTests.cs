using System.Net;
using System.Net.Http.Json;
using Dapper;
using ServiceWindow.Host.Security;
using ServiceWindow.Host.Tests.Api;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Hostile;

/// Guessing passwords: after five wrong ones in a row even the right one is refused for 15 minutes,
/// with the same answer as a wrong one, and hostile logins are just wrong logins.
[Collection(HostDatabase.Name)]
public sealed class TokensApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Issue_RefusesTheRightPassword_WhenFiveWrongOnesCameBefore()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var client = session.Anonymous();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/tokens", new { login = "wang.fang", password = $"guess-{attempt}" });
            await wrong.AssertRefusedAsync(HttpStatusCode.Unauthorized, $"wrong password {attempt}");
        }

        var right = await client.PostAsJsonAsync("/api/v1/tokens", new { login = "wang.fang", password = ApiSession.Password });

        await right.AssertRefusedAsync(HttpStatusCode.Unauthorized, "right password while locked");
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var lockedUntil = await connection.ExecuteScalarAsync<DateTime>("select locked_until from users where login = 'wang.fang'");
        // Locked from the fifth failure, at the clock's 10:00 on the session's Tuesday, for 15 minutes.
        Assert.Equal((ApiSession.Tuesday + TimeSpan.FromMinutes(15)).UtcDateTime, lockedUntil.ToUniversalTime());
        // Other accounts are not affected.
        await (await client.PostAsJsonAsync("/api/v1/tokens", new { login = "li.na", password = ApiSession.Password })).ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Issue_AcceptsTheRightPasswordAgain_WhenTheLockoutHasPassed()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var client = session.Anonymous();
        for (var attempt = 1; attempt <= UserAccounts.MaxFailedAttempts; attempt++)
        {
            await client.PostAsJsonAsync("/api/v1/tokens", new { login = "wang.fang", password = "wrong-password" });
        }

        session.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await client.PostAsJsonAsync("/api/v1/tokens", new { login = "wang.fang", password = ApiSession.Password });
        session.Clock.Advance(TimeSpan.FromMinutes(1));
        var unlocked = await client.PostAsJsonAsync("/api/v1/tokens", new { login = "wang.fang", password = ApiSession.Password });

        await stillLocked.AssertRefusedAsync(HttpStatusCode.Unauthorized, "14 minutes after the lockout");
        await unlocked.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Issue_Returns4xxAndWritesNothing_WhenLoginIsHostile()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var client = session.Anonymous();
        var before = await TableCounts.ReadAsync(fixture.DataSource);

        foreach (var fragment in HostileInputs.Fragments)
        {
            var response = await client.PostAsJsonAsync("/api/v1/tokens", new { login = fragment, password = fragment });

            var status = (int)response.StatusCode;
            Assert.True(status is 400 or 401, $"{HostileRequests.Shorten(fragment)}: got {status}");
            HostileRequests.AssertNothingInternal(await response.Content.ReadAsStringAsync(), fragment);
        }
        foreach (var body in new[] { "{", "[]", """{"login":1,"password":2}""", """{"login":"admin","password":null}""",
                     """{"login":"admin","password":""" + HostileInputs.Nested(5000) + "}" })
        {
            var response = await client.PostRawAsync("/api/v1/tokens", body);

            await response.AssertRefusedAsync(HttpStatusCode.BadRequest, body);
        }
        Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
    }

    [Fact]
    public async Task Protected_Returns401_WhenTokenIsForgedOrGarbage()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        foreach (var token in new[] { "garbage", "' or 1=1 --", new string('A', 8000), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9." })
        {
            var client = session.Anonymous();
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);

            var response = await client.GetAsync("/api/v1/cases");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
