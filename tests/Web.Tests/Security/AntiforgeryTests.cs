using System.Security.Claims;
using Microsoft.Playwright;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Web.Tests.Security;

/// Every form that posts (<see cref="FormPages"/>) carries an antiforgery token, and a post of it
/// without the token is refused with 400, so another site cannot make a signed-in browser post it.
[Collection(SecurityCollection.Name)]
public sealed class AntiforgeryTests(SecurityFixture web) : IAsyncLifetime
{
    private HostileCase planted = null!;

    public static TheoryData<string> Pages => FormPages.Names;

    public async Task InitializeAsync()
    {
        var seeded = await HostileOffice.SeedAsync(web);
        var accounts = web.Service<UserAccounts>();
        await accounts.AddAsync("sun.min", "孙敏", ["leader"], HostileOffice.Password, departmentId: "civil-affairs");
        await accounts.AddAsync("zhou.qiang", "周强", ["efficiency_office"], HostileOffice.Password, departmentId: "service-hall");
        await accounts.AddAsync("admin", "系统管理员", ["admin"], HostileOffice.Password, departmentId: "service-hall");
        var clerk = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, HostileOffice.Clerk), new Claim(ClaimTypes.Role, "clerk")], "Test"));
        var opened = await web.Service<CaseIntake>().OpenAsync(clerk, new IntakeRequest("marriage-registration", "marriage-1",
            new ApplicantRequest("张三", "110101199003071233", "13812345678"), ["id_cards", "declaration"],
            Inputs: new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四" }), null);
        await web.Service<CaseCommands>().ExecuteAsync(opened.Id, new CaseCommand("register", Actor.Staff(HostileOffice.Clerk, "clerk"), opened.Version,
            new Dictionary<string, string> { ["certificate_number"] = "J110101-2026-000123" }));
        // The lookup finds the completed case; the case and board pages use the planted ones.
        planted = seeded with { Id = opened.Id, ReceiptNumber = opened.ReceiptNumber, LookupSecret = opened.LookupSecret };
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Post_Returns400_WhenFormSentWithoutItsToken(string name)
    {
        var target = FormPages.All.Single(p => p.Name == name);
        await using var page = await web.OpenAsync("antiforgery-" + name);
        if (target.SignInAs is { } login)
        {
            await SignInAsync(page.Page, login);
        }
        var forms = await OpenAsync(page, target);
        Assert.True(forms > 0, $"{target.Name} shows no form that posts");

        for (var index = 0; index < forms; index++)
        {
            var form = page.Page.Locator("form[method=post]").Nth(index);
            Assert.Equal(1, await form.Locator("input[name=__RequestVerificationToken]").CountAsync());
            // The form's own fields and address, sent from the page's browser (its cookies, the
            // sign-in's included) as another site could make it send them: without the token.
            var (action, fields) = await FieldsWithoutTokenAsync(form);
            var data = page.Page.APIRequest.CreateFormData();
            foreach (var (field, value) in fields)
            {
                data.Append(field, value);
            }

            var response = await page.Page.APIRequest.PostAsync(action, new() { Form = data, MaxRedirects = 0 });

            Assert.True(response.Status == 400, $"{target.Name}, form {index} ({action}): {response.Status}");
        }
    }

    [Fact]
    public async Task Post_SignsOut_WhenFormSentWithItsToken()
    {
        await using var page = await web.OpenAsync("antiforgery-control");
        await SignInAsync(page.Page, HostileOffice.Clerk);
        await page.GotoAsync("/queue");

        var response = await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.Locator("form.signout").EvaluateAsync("form => form.submit()"),
            r => r.Request.Method == "POST");
        await response.FinishedAsync();
        var after = await page.Page.APIRequest.GetAsync("/queue", new() { MaxRedirects = 0 });

        // The same post with the token is taken: the 400s above are the token's doing.
        Assert.Equal(302, response.Status);
        Assert.Equal(401, after.Status);
    }

    private async Task<int> OpenAsync(BrowserPage page, FormPage target)
    {
        await page.GotoAsync(target.Path(planted));
        if (target.Reach is { } reach)
        {
            await reach(page.Page, planted);
        }
        return await page.Page.Locator("form[method=post]").CountAsync();
    }

    private static async Task<(string Action, List<(string Name, string Value)> Fields)> FieldsWithoutTokenAsync(ILocator form)
    {
        var read = await form.EvaluateAsync<System.Text.Json.JsonElement>(
            // A file input's value is a File: sent as an empty field, the post is the same to the token check.
            // The action read from its attribute: a field named `action` (the case page's) hides form.action.
            "form => ({ action: new URL(form.getAttribute('action') ?? '', document.baseURI).href, fields: [...new FormData(form)].filter(([name]) => name !== '__RequestVerificationToken')"
            + ".map(([name, value]) => [name, typeof value === 'string' ? value : '']) })");
        var fields = read.GetProperty("fields").EnumerateArray()
            .Select(pair => (pair[0].GetString()!, pair[1].GetString() ?? ""))
            .ToList();
        return (read.GetProperty("action").GetString()!, fields);
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("登录名").FillAsync(login);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(HostileOffice.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // Each account lands on its own start page (the queue, the hall, the definitions).
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/");
    }
}
