using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceWindow.Host.Tests.Api;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Hostile;

/// What the host logs, at every level from Trace up, while applicants' cases are opened, refused,
/// looked up and acted on: never a full ID number or mobile number.
[Collection(HostDatabase.Name)]
public sealed class WebHostTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Requests_LogNoIdNumberOrPhone_WhenIntakesSucceedFailAndAreLookedUp()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var log = new CapturedLog();
        await using var factory = session.Factory.WithWebHostBuilder(builder => builder
            .ConfigureLogging(logging => logging.AddProvider(log).AddFilter<CapturedLog>(null, LogLevel.Trace)));
        var anonymous = factory.CreateClient();
        var token = (await (await anonymous.PostAsJsonAsync("/api/v1/tokens", new { login = "wang.fang", password = ApiSession.Password }))
            .ReadAsync(HttpStatusCode.OK)).Text("token");
        var clerk = factory.CreateClient();
        clerk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake(), "key-1")).ReadAsync(HttpStatusCode.Created);
        await (await clerk.OpenAsync(ApiSession.MarriageIntake(), "key-1")).ReadAsync(HttpStatusCode.Created);
        await clerk.PostRawAsync("/api/v1/cases", HostileRequests.IntakeJson.Replace("110101199003071233", "110101199003071234", StringComparison.Ordinal));
        await clerk.PostRawAsync("/api/v1/cases", HostileRequests.IntakeJson.Replace("\"13812345678\"", "13812345678", StringComparison.Ordinal));
        await clerk.PostRawAsync("/api/v1/cases", HostileRequests.IntakeJson.Replace("\"item\":\"marriage-registration\"", "\"item\":\"nope\"", StringComparison.Ordinal));
        await clerk.GetAsync($"/api/v1/cases/{opened.Id()}");
        await clerk.GetAsync($"/api/v1/cases/{opened.Id()}/history");
        await (await clerk.ActAsync(opened.Id(), "register", opened.Version(), new { certificate_number = "J1" })).ReadAsync(HttpStatusCode.OK);
        await anonymous.GetAsync($"/api/v1/public/cases/{opened.Text("receiptNumber")}?secret={opened.Text("lookupSecret")}");
        await anonymous.PostAsJsonAsync("/api/v1/tokens", new { login = "110101199003071233", password = "13812345678" });

        Assert.True(log.Lines.Count > 20, $"only {log.Lines.Count} log lines captured: the capture is not wired in");
        foreach (var secret in new[] { "110101199003071233", "110101199003071234", "13812345678" })
        {
            var leaks = log.Lines.Where(line => line.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"{secret} logged: {string.Join(Environment.NewLine, leaks.Take(3))}");
        }
    }
}
