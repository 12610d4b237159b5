using Dapper;
using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Guide;

[Collection(WebCollection.Name)]
public sealed class IndexModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Search_FindsOnlyThatItem_WhenQueryIsItsChineseName()
    {
        await using var page = await web.OpenAsync("guide-search-name");
        await page.GotoAsync("/guide");
        await page.Page.GetByLabel("按事项名称或编码查找").FillAsync("结婚登记");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await page.Page.WaitForURLAsync("**/guide?q=*");

        var names = await page.Page.Locator("table.list tbody td a").AllInnerTextsAsync();
        Assert.Equal(["结婚登记"], names);
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Search_FindsItem_WhenQueryIsItsCatalogueCode()
    {
        await using (var connection = await web.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                insert into service_items (code, name_zh, name_en, department_id, kind, statutory_limit, promised_limit, definition_id, details)
                values ('MZ-DB-001', '最低生活保障审核确认', 'Minimum living allowance', 'social-assistance', 'promised', '30wd', '30wd',
                        'minimum-living-allowance', '{"fee": "不收费"}')
                """);
        }
        await using var page = await web.OpenAsync("guide-search-code");
        await page.GotoAsync("/guide?q=mz-db-001");

        var rows = page.Page.Locator("table.list tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal("MZ-DB-001", await rows.Locator("td.code").InnerTextAsync());
        Assert.Equal("最低生活保障审核确认", await rows.Locator("a").InnerTextAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Search_ShowsQueryAsText_WhenQueryHoldsMarkup()
    {
        await using var page = await web.OpenAsync("guide-search-markup");
        var dialogs = 0;
        page.Page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync("/guide?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.Contains("<script>alert(1)</script>", await page.Page.Locator(".result-count").InnerTextAsync());
        Assert.Equal(0, await page.Page.Locator("main script").CountAsync());
        Assert.Equal(0, dialogs);
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Index_ListsServiceItemsButNotInternalWorkflows()
    {
        await using var page = await web.OpenAsync("guide");
        await page.GotoAsync("/guide");

        var names = await page.Page.Locator("table.list tbody td a").AllInnerTextsAsync();
        Assert.Contains("结婚登记", names);
        Assert.Contains("临时救助", names);
        Assert.DoesNotContain("投诉处理", names);
        Assert.DoesNotContain("首问登记与转办", names);
        Assert.Equal(6, names.Count);
        await page.AssertHealthyAsync();
    }
}
