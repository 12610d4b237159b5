using System.Net;
using ServiceWindow.Host.Tests.Api;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Hostile;

/// The security headers are on every kind of answer: success, sign-in refused, not found, bad
/// input, too large, health checks and the pages of others' areas.
[Collection(HostDatabase.Name)]
public sealed class SecurityHeadersTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Every_CarriesCspNosniffAndReferrerPolicy_WhateverTheStatus()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var anonymous = session.Anonymous();
        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("catalogue 200", await anonymous.GetAsync("/api/v1/catalogue")),
            ("cases without sign-in 401", await anonymous.GetAsync("/api/v1/cases")),
            ("unknown route 404", await anonymous.GetAsync("/no/such/page")),
            ("bad JSON 400", await clerk.PostRawAsync("/api/v1/cases", "{")),
            ("too large 413", await clerk.PostRawAsync("/api/v1/cases", new string(' ', 2 * 1024 * 1024))),
            ("intake 201", await clerk.OpenAsync(ApiSession.MarriageIntake())),
            ("healthz", await anonymous.GetAsync("/healthz")),
            ("readyz", await anonymous.GetAsync("/readyz")),
            ("start page", await anonymous.GetAsync("/")),
            ("OpenAPI document", await anonymous.GetAsync("/openapi/v1.json")),
        };

        foreach (var (what, response) in answers)
        {
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
            Assert.True(scriptSrc == "script-src 'self'", $"{what} ({(int)response.StatusCode}): {scriptSrc}");
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        }
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answers.Single(a => a.What == "too large 413").Response.StatusCode);
    }

    [Fact]
    public async Task ApiReference_AloneMayRunInlineScript_WhileItsDocumentMayNot()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var anonymous = session.Anonymous();

        var page = await anonymous.GetAsync("/api/docs/");
        var document = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self' 'unsafe-inline'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", Assert.Single(document.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_MayCarryStyleAttributesOnly_WhileScriptsStaySelf()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var anonymous = session.Anonymous();

        var jobs = Assert.Single((await anonymous.GetAsync("/jobs")).Headers.GetValues("Content-Security-Policy"));
        var page = Assert.Single((await anonymous.GetAsync("/guide")).Headers.GetValues("Content-Security-Policy"));

        var directives = jobs.Split(';').Select(d => d.Trim()).ToList();
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("style-src 'self'", directives);
        Assert.Contains("style-src-attr 'unsafe-inline'", directives);
        Assert.Contains("style-src-elem 'self' 'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='", directives);
        Assert.Equal(1, directives.Count(d => d.Contains("unsafe-inline", StringComparison.Ordinal)));
        Assert.DoesNotContain("unsafe-inline", page, StringComparison.Ordinal);
    }
}
