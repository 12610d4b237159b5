using System.Security.Claims;
using Dapper;
using ServiceWindow.Host.Api;
using ServiceWindow.Host.Pages.Desk;

namespace ServiceWindow.Web.Tests.Desk;

[Collection(WebCollection.Name)]
public sealed class DeskIntakeTests(WebFixture web) : IAsyncLifetime
{
    private static readonly ClaimsPrincipal Clerk = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "zhang.wei"), new Claim(ClaimTypes.Role, "clerk"), new Claim(ClaimTypes.Role, "handler")], "Test"));

    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TakeAsync_OpensOneCaseWithOneSupplement_WhenSameFormSubmittedTwice()
    {
        var form = Allowance(DeskDecision.Supplement, "form-1");

        var first = await web.Service<DeskIntake>().TakeAsync(Clerk, form);
        var second = await web.Service<DeskIntake>().TakeAsync(Clerk, form);

        Assert.Equal(first, second);
        await using var connection = await web.DataSource.OpenConnectionAsync();
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("select count(*) from cases"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>(
            "select count(*) from case_history where action = 'request_supplement'"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("select count(*) from case_history where action = 'accept'"));
    }

    [Fact]
    public async Task TakeAsync_RefusesBeforeWriting_WhenNothingIsMissingForSupplement()
    {
        var form = Allowance(DeskDecision.Supplement, "form-2") with
        {
            Received = ["application_form", "id_cards", "household_register", "income_statement", "verification_consent"],
        };

        var refused = await Assert.ThrowsAsync<ApiValidationException>(() => web.Service<DeskIntake>().TakeAsync(Clerk, form));

        Assert.Equal(["decision"], refused.Errors.Keys);
        await using var connection = await web.DataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) from cases"));
    }

    [Fact]
    public async Task TakeAsync_RefusesBeforeWriting_WhenMarriageIsAskedForSupplement()
    {
        var form = new DeskApplication("marriage-registration", "marriage-1", "张三", "110101199003071233", "13812345678", ["id_cards"],
            new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四" }, DeskDecision.Supplement, "form-3");

        var refused = await Assert.ThrowsAsync<ApiValidationException>(() => web.Service<DeskIntake>().TakeAsync(Clerk, form));

        Assert.Equal("该事项受理时不能要求补正材料。", Assert.Single(refused.Errors["decision"]));
        await using var connection = await web.DataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) from cases"));
    }

    private static DeskApplication Allowance(DeskDecision decision, string key) =>
        new("minimum-living-allowance", "assistance-1", "刘芳", "110105198504120022", "13912345678",
            ["application_form", "id_cards", "income_statement"],
            new Dictionary<string, string> { ["household_size"] = "3", ["handler"] = "zhang.wei" }, decision, key);
}
