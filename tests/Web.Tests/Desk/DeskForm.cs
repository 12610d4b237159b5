using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Desk;

/// Fills the desk's application form as a clerk does: the item by name (the checklist arrives
/// through htmx), the window, the applicant, the item's own fields and the ticked materials.
public static class DeskForm
{
    public static async Task PickItemAsync(IPage page, string name, string definitionId)
    {
        await page.GetByLabel("办理事项（名称或编码）").FillAsync(name);
        await Assertions.Expect(page.Locator($"[data-item={definitionId}]")).ToBeVisibleAsync();
    }

    public static async Task FillApplicantAsync(IPage page, string window, string name, string idNumber, string phone)
    {
        await page.Locator("#intake-window").SelectOptionAsync(window);
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("公民身份号码").FillAsync(idNumber);
        await page.GetByLabel("手机号码").FillAsync(phone);
    }

    public static async Task TickAsync(IPage page, params string[] materials)
    {
        foreach (var material in materials)
        {
            await page.GetByLabel(material, new() { Exact = true }).CheckAsync();
        }
    }

    public static async Task DecideAsync(IPage page, string button)
    {
        // Every decision posts and lands on another address: the notice, the case, or the desk's handler with the errors.
        var before = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url != before, new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 15_000 });
    }

    /// The marriage registration of 张三 and 李四 at marriage window 1, both materials handed in.
    public static async Task MarriageAsync(IPage page, string applicant = "张三")
    {
        await PickItemAsync(page, "结婚登记", "marriage-registration");
        await FillApplicantAsync(page, "marriage-1", applicant, "110101199003071233", "13812345678");
        await page.GetByLabel("当事人甲").FillAsync(applicant);
        await page.GetByLabel("当事人乙").FillAsync("李四");
        await TickAsync(page, "双方身份证", "双方签字的无配偶及无禁止结婚亲属关系声明");
    }

    /// A minimum living allowance for a household of three at the social assistance window, with
    /// the application form, ID documents and income statement handed in, the household register
    /// and the verification consent not.
    public static async Task AllowanceAsync(IPage page)
    {
        await PickItemAsync(page, "最低生活保障审核确认", "minimum-living-allowance");
        await FillApplicantAsync(page, "assistance-1", "刘芳", "110105198504120022", "13912345678");
        await page.GetByLabel("家庭人口数").FillAsync("3");
        await TickAsync(page, "申请书", "家庭成员身份证件", "家庭收入和财产状况声明");
    }
}
