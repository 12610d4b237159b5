using System.Security.Claims;
using Dapper;
using ServiceWindow.Host.Api;
using ServiceWindow.Host.Pages.Desk;

namespace ServiceWindow.Web.Tests.Desk;

[Collection(WebCollection.Name)]
public sealed class DeskInquiriesTests(WebFixture web) : IAsyncLifetime
{
    private static readonly ClaimsPrincipal Clerk = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "liu.yang"), new Claim(ClaimTypes.Role, "clerk")], "Test"));

    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LogAsync_ClosesInquiryAsAnswered_WhenAnsweredOnTheSpot()
    {
        var id = await web.Service<DeskInquiries>().LogAsync(Clerk,
            new DeskInquiry("办理结婚登记需要带什么", "phone", "hall-1", false, "双方身份证和户口簿", null, null, "inquiry-1"));

        await using var connection = await web.DataSource.OpenConnectionAsync();
        var (stage, owner, completed) = await connection.QuerySingleAsync<(string, string, bool)>(
            "select stage, first_inquiry_owner, completed_at is not null from cases where id = @id", new { id });
        Assert.Equal("answered", stage);
        Assert.Equal("liu.yang", owner);
        Assert.True(completed);
    }

    [Fact]
    public async Task LogAsync_RefusesBeforeWriting_WhenReferredToOwnWindow()
    {
        var refused = await Assert.ThrowsAsync<ApiValidationException>(() => web.Service<DeskInquiries>().LogAsync(Clerk,
            new DeskInquiry("咨询低保", "window", "hall-1", true, null, "hall-1", "13712345678", "inquiry-2")));

        Assert.Equal(["$.inputs.target_window"], refused.Errors.Keys);
        await using var connection = await web.DataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) from cases"));
    }
}
