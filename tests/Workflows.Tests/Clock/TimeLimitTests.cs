using System.Text.Json;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Tests.Clock;

public sealed class TimeLimitTests
{
    [Theory]
    [InlineData("5wd", 5, TimeLimitUnit.WorkingDays)]
    [InlineData("30d", 30, TimeLimitUnit.CalendarDays)]
    [InlineData("2wh", 2, TimeLimitUnit.WorkingHours)]
    [InlineData("0wd", 0, TimeLimitUnit.WorkingDays)]
    [InlineData("3660wd", 3660, TimeLimitUnit.WorkingDays)]
    public void Parse_ReadsAmountAndUnit_AndToStringGivesTheTextBack(string text, int amount, TimeLimitUnit unit)
    {
        var limit = TimeLimit.Parse(text);

        Assert.Equal(new TimeLimit(amount, unit), limit);
        Assert.Equal(text, limit.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("5", "no unit")]
    [InlineData("wd", "no amount")]
    [InlineData("-1wd", "negative")]
    [InlineData("+5wd", "sign")]
    [InlineData("5 wd", "inner space")]
    [InlineData(" 5wd", "leading space")]
    [InlineData("5WD", "upper case")]
    [InlineData("5w", "unknown unit")]
    [InlineData("5wdx", "trailing text")]
    [InlineData("５wd", "full-width digit")]
    public void TryParse_False_WhenTextIsNotALimit(string text, string edge)
    {
        Assert.False(TimeLimit.TryParse(text, out _), edge);
        Assert.Throws<FormatException>(() => TimeLimit.Parse(text));
    }

    [Theory]
    [InlineData("3661wd", "one over the cap")]
    [InlineData("4000d", "calendar days over the cap")]
    [InlineData("99999999999wh", "more digits than an int holds")]
    public void Parse_ThrowsDeadlineOutOfRangeNamingTheCap_WhenTheAmountIsOverTheCap(string text, string edge)
    {
        Assert.False(TimeLimit.TryParse(text, out _), edge);
        var error = Assert.Throws<DeadlineOutOfRangeException>(() => TimeLimit.Parse(text));
        Assert.Contains("at most 3,660 units", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, "negative")]
    [InlineData(3661, "one over the cap")]
    public void Constructor_ThrowsDeadlineOutOfRange_WhenAmountIsOutsideTheCap(int amount, string edge)
    {
        var error = Assert.Throws<DeadlineOutOfRangeException>(() => new TimeLimit(amount, TimeLimitUnit.WorkingDays));
        Assert.True(error.Message.Contains("3,660", StringComparison.Ordinal), edge);
    }

    [Fact]
    public void Json_WritesTheShortText_AndReadsItBack()
    {
        var json = JsonSerializer.Serialize(TimeLimit.Parse("15wd"));

        Assert.Equal("\"15wd\"", json);
        Assert.Equal(TimeLimit.WorkingDays(15), JsonSerializer.Deserialize<TimeLimit>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeLimit>("\"15 days\""));
    }
}
