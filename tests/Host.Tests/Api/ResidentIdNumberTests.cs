using ServiceWindow.Host.Api.Applicants;

namespace ServiceWindow.Host.Tests.Api;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData("110101199003071233", true)]  // check digit 3
    [InlineData("11010519491231002X", true)]  // check character X
    [InlineData("11010519491231002x", true)]  // lowercase x
    [InlineData("110101200002294561", true)]  // 29 February of a leap year
    [InlineData("110101199003071234", false)] // wrong check digit
    [InlineData("110101199902301231", false)] // 30 February, check digit right
    [InlineData("110101203001011236", false)] // born after today, check digit right
    [InlineData("110101189912311231", false)] // before 1900, check digit right
    [InlineData("11010119900307123", false)]  // 17 characters
    [InlineData("01010119900307123X", false)] // region cannot start with 0, check character right
    [InlineData("1101011990030712X3", false)] // X only as the check character
    public void IsValid_Answers_ForEachEdge(string value, bool expected) =>
        Assert.Equal(expected, ResidentIdNumber.IsValid(value, Today));

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("12812345678", null)]  // second digit below 3
    [InlineData("1381234567", null)]   // ten digits
    public void MobileNumber_Normalize_ForEachEdge(string value, string? expected) =>
        Assert.Equal(expected, MobileNumber.Normalize(value));

    [Fact]
    public void Mask_KeepsRegionAndLastFour_OfIdNumberAndPhone()
    {
        Assert.Equal("110101********1233", PersonalDataMask.IdNumber("110101199003071233"));
        Assert.Equal("138****5678", PersonalDataMask.Phone("13812345678"));
    }
}
