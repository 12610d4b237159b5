namespace ServiceWindow.Web.Tests.Security;

/// The two pages we did not write, Hangfire's dashboard and the Scalar API reference, load under
/// our Content-Security-Policy without the browser refusing anything.
[Collection(SecurityCollection.Name)]
public sealed class PolicyTests(SecurityFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs/recurring")]
    [InlineData("/jobs/jobs/enqueued")]
    [InlineData("/jobs/servers")]
    [InlineData("/api/docs")]
    public async Task Page_LoadsWithoutPolicyViolations_WhenAdminOpensIt(string path)
    {
        await using var page = await web.OpenAsync("policy" + path.Replace('/', '-'), null, "admin", "admin");
        var violations = new List<string>();
        page.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };

        var response = await page.GotoAsync(path);
        // Scalar renders after its script ran; wait for it rather than for the network alone.
        await page.Page.WaitForTimeoutAsync(500);

        Assert.Equal(200, response.Status);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(page.Problems);
    }
}
