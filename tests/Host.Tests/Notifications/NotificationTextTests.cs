using System.Globalization;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Notifications;

namespace ServiceWindow.Host.Tests.Notifications;

public sealed class NotificationTextTests
{
    private static readonly NotificationText Text = new(new FileWorkflowCatalog(new ConfigurationBuilder().Build()));
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Render_NamesTheItemAndShowsShanghaiTime_WhenCaseIsAccepted()
    {
        var data = """{"definition":"minimum-living-allowance","stage":"investigating","promised_due":"2026-03-05T09:30:00Z"}""";

        Assert.Equal("【最低生活保障审核确认】您的申请已受理，承诺办结时间：2026年3月5日 17:30。", Text.Render("case.accepted", data, Chinese));
        Assert.Equal("[Minimum living allowance] Your application is accepted. Promised completion: 2026-03-05 17:30.",
            Text.Render("case.accepted", data, English));
    }

    [Fact]
    public void Render_ListsMaterialNames_WhenSupplementIsRequested()
    {
        var data = """{"definition":"marriage-registration","stage":"reviewing","materials":"id_cards,declaration"}""";

        var text = Text.Render("case.supplement", data, Chinese);

        Assert.Contains("双方身份证、双方签字的无配偶及无禁止结婚亲属关系声明", text);
    }

    [Theory]
    [InlineData("action.refer", "【首问登记与转办】办件已进入“已转办待签收”。")] // family fallback
    [InlineData("something.unknown", "【首问登记与转办】办件状态：已转办待签收。")] // generic fallback
    public void Render_FallsBack_WhenTemplateHasNoOwnText(string template, string expected)
    {
        var data = """{"definition":"inquiry-referral","stage":"referred"}""";

        Assert.Equal(expected, Text.Render(template, data, Chinese));
    }

    [Fact]
    public void Render_NamesTheHonoursAndMarksNobody_WhenAQuarterHasNoServiceStar()
    {
        var data = """{"quarter":"2026-Q4","red_flag_windows":"marriage-1,hall-1"}""";

        Assert.Equal("【效能办】2026-Q4红旗窗口和服务标兵已评定。红旗窗口：marriage-1,hall-1；服务标兵：—。", Text.Render("honours.report", data, Chinese));
        Assert.Equal("[Efficiency office] The honours for 2026-Q4 are awarded. Red-flag windows: marriage-1,hall-1; service stars: —.",
            Text.Render("honours.report", data, English));
    }
}
