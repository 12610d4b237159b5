namespace ServiceWindow.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SecurityHeadersTests(WebFixture web)
{
    [Theory]
    [InlineData("/guide")]
    [InlineData("/hall")]
    public async Task Page_IsSentWithAPolicyWithoutInlineScriptsOrStyles(string path)
    {
        using var client = web.CreateClient();
        using var response = await client.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join("", response.Headers.GetValues("Referrer-Policy")));
    }
}
