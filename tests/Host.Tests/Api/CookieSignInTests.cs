using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

/// The web UI's cookie opens the API's read routes. Writes cannot be forged from another site: the
/// cookie is SameSite=Strict, so a browser leaves it off cross-site requests; a write with the cookie
/// that the browser marks as started by another site (`Sec-Fetch-Site`) is refused; and what a
/// page elsewhere can send without a CORS preflight (a form or text body, no custom header) is
/// refused by the API anyway, which takes JSON only and If-Match on every step on a case.
[Collection(HostDatabase.Name)]
public sealed partial class CookieSignInTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private static async Task<(HttpClient Client, string SetCookie)> SignInAsync(ApiSession session, string login)
    {
        var client = session.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await (await client.GetAsync("/signin")).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login, ["password"] = ApiSession.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("servicewindow=", StringComparison.Ordinal));
        return (client, setCookie);
    }

    [Fact]
    public async Task Cookie_OpensApiReadRoutes_WhenSignedInThroughTheUi()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var opened = await (await (await session.SignedInAsync("wang.fang")).OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);

        var (client, setCookie) = await SignInAsync(session, "wang.fang");
        var list = await (await client.GetAsync("/api/v1/cases")).ReadAsync(HttpStatusCode.OK);
        var queue = await (await client.GetAsync("/api/v1/queues/mine")).ReadAsync(HttpStatusCode.OK);
        var withoutCookie = await session.Anonymous().GetAsync("/api/v1/cases");

        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([opened.Id()], list.GetProperty("items").EnumerateArray().Select(c => c.Id()));
        Assert.Equal([opened.Id()], queue.EnumerateArray().Select(c => c.Id()));
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCookie.StatusCode);
    }

    [Fact]
    public async Task Write_Returns403AndWritesNothing_WhenBrowserMarksCookieRequestCrossSite()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var opened = await (await (await session.SignedInAsync("wang.fang")).OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var (client, _) = await SignInAsync(session, "wang.fang");
        var rows = await session.RowCountsAsync();

        var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{opened.Id()}/actions/register")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { certificate_number = "J1" }),
        };
        crossSite.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        crossSite.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");
        var refused = await client.SendAsync(crossSite);
        var unchanged = await session.RowCountsAsync();
        var sameOrigin = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{opened.Id()}/actions/register")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { certificate_number = "J1" }),
        };
        sameOrigin.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        sameOrigin.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        var registered = await (await client.SendAsync(sameOrigin)).ReadAsync(HttpStatusCode.OK);

        await refused.ReadAsync(HttpStatusCode.Forbidden);
        Assert.Equal(rows, unchanged);
        Assert.Equal("registered", registered.GetProperty("stage").Text("id"));
    }

    [Fact]
    public async Task Cookie_DoesNotCarrySimpleRequests_IntoWrites_WhenBrowserSendsNoFetchMetadata()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var opened = await (await (await session.SignedInAsync("wang.fang")).OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var (client, _) = await SignInAsync(session, "wang.fang");
        var rows = await session.RowCountsAsync();

        // What a form on another site can post, even if a browser did attach the cookie.
        var intakeForm = await client.SendAsync(CrossSite("/api/v1/cases",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["item"] = "marriage-registration", ["window"] = "marriage-1" })));
        var intakeText = await client.SendAsync(CrossSite("/api/v1/cases", new StringContent("{\"item\":\"marriage-registration\"}", Encoding.UTF8, "text/plain")));
        var actionText = await client.SendAsync(CrossSite($"/api/v1/cases/{opened.Id()}/actions/refuse",
            new StringContent("{\"reason\":\"x\"}", Encoding.UTF8, "text/plain")));
        var actionEmpty = await client.SendAsync(CrossSite($"/api/v1/cases/{opened.Id()}/actions/refuse", null));
        var inquiryForm = await client.SendAsync(CrossSite("/api/v1/inquiries",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = "online", ["matter"] = "x" })));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, intakeForm.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, intakeText.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, actionText.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, actionEmpty.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, inquiryForm.StatusCode);
        Assert.Equal(rows, await session.RowCountsAsync());
    }

    private static HttpRequestMessage CrossSite(string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        // A browser without fetch metadata: only the content type and the missing If-Match stop these.
        request.Headers.TryAddWithoutValidation("Origin", "https://elsewhere.example");
        return request;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
