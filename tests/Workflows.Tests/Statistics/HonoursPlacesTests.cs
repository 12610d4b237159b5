using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Workflows.Tests.Statistics;

public sealed class HonoursPlacesTests
{
    [Fact]
    public void Problems_IsEmpty_WhenThePlacesAreTheDefaults()
    {
        Assert.Equal((5, 5), (new HonoursPlaces().RedFlagWindows, new HonoursPlaces().ServiceStars));
        Assert.Empty(new HonoursPlaces().Problems());
    }

    [Theory]
    [InlineData(-1, 5, "RedFlagWindows must not be negative (is -1)")]
    [InlineData(5, -2, "ServiceStars must not be negative (is -2)")]
    public void Problems_NamesThePlaces_WhenNegative(int windows, int stars, string expected)
    {
        Assert.Equal([expected], new HonoursPlaces { RedFlagWindows = windows, ServiceStars = stars }.Problems());
    }
}
