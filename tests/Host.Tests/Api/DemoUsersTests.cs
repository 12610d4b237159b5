using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Host.Security;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class DemoUsersTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task CreateAsync_WritesOneSignInPerRoleOnce_WhenCalledTwice()
    {
        await fixture.LoadDemoOrganisationAsync();
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString);
        var demo = factory.Services.GetRequiredService<DemoUsers>();
        var file = Path.Combine(Path.GetTempPath(), $"demo-users-{Guid.NewGuid():N}.txt");
        try
        {
            var first = await demo.CreateAsync(file);
            var second = await demo.CreateAsync(file);

            Assert.Empty(second);
            var lines = (await File.ReadAllLinesAsync(file)).Select(l => l.Split('\t')).ToList();
            Assert.Equal(first.Count, lines.Count);
            Assert.All(lines, l => Assert.Equal(3, l.Length));
            Assert.Equal(["admin", "clerk", "efficiency_office", "handler", "leader", "section_chief"],
                lines.SelectMany(l => l[2].Split(',')).Distinct().Order());
            var (login, password) = (lines[0][0], lines[0][1]);
            var token = await factory.CreateClient().PostAsJsonAsync("/api/v1/tokens", new { login, password });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
