using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class TokensApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Issue_ReturnsTokenForEightHours_WhenPasswordIsRight()
    {
        await using var session = await ApiSession.StartAsync(fixture);

        var token = await (await session.Anonymous().PostAsJsonAsync("/api/v1/tokens", new { login = "sun.min", password = ApiSession.Password }))
            .ReadAsync(HttpStatusCode.OK);

        Assert.Equal("2026-03-10T18:00:00+08:00", token.Text("expiresAt"));
        var client = session.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Text("token"));
        await (await client.GetAsync("/api/v1/windows")).ReadAsync(HttpStatusCode.OK);
        session.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromSeconds(1));
        await (await client.GetAsync("/api/v1/windows")).ReadAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Issue_LocksAccountOut_AfterFiveWrongPasswords()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var client = session.Anonymous("en");

        for (var i = 0; i < 5; i++)
        {
            await (await client.PostAsJsonAsync("/api/v1/tokens", new { login = "sun.min", password = "wrong-password" })).ReadAsync(HttpStatusCode.Unauthorized);
        }
        var locked = await client.PostAsJsonAsync("/api/v1/tokens", new { login = "sun.min", password = ApiSession.Password });
        session.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var unlocked = await client.PostAsJsonAsync("/api/v1/tokens", new { login = "sun.min", password = ApiSession.Password });

        var problem = await locked.ReadAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Wrong login or password, or the account is locked", problem.Text("detail"));
        await unlocked.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Issue_Returns401_WhenAccountIsDisabledOrUnknown()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var accounts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Security.UserAccounts>(session.Factory.Services);
        Assert.True(await accounts.DisableAsync("sun.min"));

        var disabled = await session.Anonymous().PostAsJsonAsync("/api/v1/tokens", new { login = "sun.min", password = ApiSession.Password });
        var unknown = await session.Anonymous().PostAsJsonAsync("/api/v1/tokens", new { login = "nobody", password = ApiSession.Password });

        await disabled.ReadAsync(HttpStatusCode.Unauthorized);
        await unknown.ReadAsync(HttpStatusCode.Unauthorized);
    }
}
