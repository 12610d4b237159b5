using System.Net;
using System.Net.Http.Headers;

namespace ServiceWindow.Web.Tests.Security;

/// The role × endpoint matrix of the API, run again over the UI's page routes (<see cref="UiRoutes"/>):
/// nobody signed in is sent to the sign-in page (a browser) or gets 401 (anything else), a wrong role
/// 403, a right role 200. The routes of one case open the cases <see cref="HostileOffice"/> plants.
[Collection(SecurityCollection.Name)]
public sealed class RouteRoleMatrixTests(SecurityFixture web) : IAsyncLifetime
{
    private HostileCase planted = null!;

    public static TheoryData<string, string> Cells
    {
        get
        {
            var cells = new TheoryData<string, string>();
            foreach (var route in UiRoutes.All)
            {
                foreach (var role in UiRoutes.StaffRoles)
                {
                    cells.Add(route.Path, role);
                }
            }
            return cells;
        }
    }

    public static TheoryData<string> Paths => new(UiRoutes.All.Select(r => r.Path));

    public async Task InitializeAsync() => planted = await HostileOffice.SeedAsync(web);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Get_Returns200OnlyForItsRoles_WhenSignedInWithOneRole(string path, string role)
    {
        var route = UiRoutes.All.Single(r => r.Path == path);
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, route.For(planted));
        request.Headers.Add(TestAuthenticationHandler.StaffHeader, StaffFor(role));
        request.Headers.Add(TestAuthenticationHandler.RolesHeader, role);
        if (role == "section_chief")
        {
            // As the sign-in gives it: a section chief sees their department's cases.
            request.Headers.Add(TestAuthenticationHandler.DepartmentHeader, "civil-affairs");
        }

        using var response = await client.SendAsync(request);

        var expected = route.IsPublic || route.Roles.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Get_SendsBrowserToSignIn_WhenNobodySignedIn(string path)
    {
        var route = UiRoutes.All.Single(r => r.Path == path);
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, route.For(planted));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.SendAsync(request);

        if (route.IsPublic)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else if (path.StartsWith("/jobs", StringComparison.Ordinal))
        {
            // Hangfire's dashboard answers for itself, without the sign-in redirect.
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = new Uri(web.BaseAddress, response.Headers.Location!);
            Assert.Equal("/", location.AbsolutePath);
            Assert.Equal(route.For(planted), System.Web.HttpUtility.ParseQueryString(location.Query)["ReturnUrl"]);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Get_Returns401_WhenNobodySignedInAndNotABrowser(string path)
    {
        var route = UiRoutes.All.Single(r => r.Path == path);
        using var client = Client();

        using var response = await client.GetAsync(route.For(planted));

        Assert.Equal(route.IsPublic ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = web.BaseAddress };

    // A demo person who holds the role, so pages that read the person's own rows find them; the
    // clerk is the one who took the planted cases, so a case route is theirs to see.
    private static string StaffFor(string role) => role switch
    {
        "clerk" => HostileOffice.Clerk,
        "handler" => "wang.fang",
        "section_chief" => "chen.jing",
        "leader" => "sun.min",
        "efficiency_office" => "zhou.qiang",
        _ => "admin",
    };
}
