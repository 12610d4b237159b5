using ServiceWindow.Workflows.Calendar;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Calendar;

public sealed class CalendarLoaderTests
{
    private const string Valid = """
        {
          "id": "test",
          "timeZone": "Asia/Shanghai",
          "weeklyDaysOff": ["Saturday", "Sunday"],
          "officeHours": ["09:00-12:00", "13:30-17:30"],
          "years": [
            {
              "year": 2025,
              "holidays": [ { "name": "国庆节", "from": "2025-10-01", "to": "2025-10-08" } ],
              "makeUpWorkdays": [ { "name": "国庆节", "date": "2025-09-28" } ]
            },
            {
              "year": 2026,
              "holidays": [ { "name": "元旦", "from": "2026-01-01", "to": "2026-01-03" } ],
              "makeUpWorkdays": [ { "name": "元旦", "date": "2026-01-04" } ]
            }
          ]
        }
        """;

    [Fact]
    public void Load_ReadsEveryPart_WhenTheFileIsValid()
    {
        var calendar = CalendarLoader.Load("test.json", Valid, FindZone);

        Assert.Equal("test", calendar.Id);
        Assert.Equal((2025, 2026), (calendar.FirstCoveredYear, calendar.LastCoveredYear));
        Assert.False(calendar.IsWorkingDay(Date("2025-10-08")));
        Assert.True(calendar.IsWorkingDay(Date("2025-09-28")));
        Assert.Equal(new TimeOnly(17, 30), calendar.OfficeHours.Close);
        Assert.Equal(420, calendar.OfficeHours.MinutesPerDay);
    }

    [Fact]
    public void Load_UsesDefaultOfficeHours_WhenNoneAreGiven()
    {
        var calendar = CalendarLoader.Load("test.json", Valid.Replace("\"officeHours\": [\"09:00-12:00\", \"13:30-17:30\"],", "", StringComparison.Ordinal), FindZone);

        Assert.Equal(OfficeHours.Default, calendar.OfficeHours);
    }

    [Fact]
    public void Load_KeepsConfiguredOfficeHours()
    {
        var calendar = CalendarLoader.Load("test.json", Valid.Replace("\"13:30-17:30\"", "\"14:00-18:00\"", StringComparison.Ordinal), FindZone);

        Assert.Equal(new TimeOnly(18, 0), calendar.OfficeHours.Close);
        Assert.Equal(new TimeOnly(14, 0), calendar.OfficeHours.Sessions[1].Start);
    }

    [Theory]
    [InlineData("\"date\": \"2025-09-28\"", "\"date\": \"2025-10-02\"", "years[0]", "also a holiday", "a date both holiday and make-up day")]
    [InlineData("\"year\": 2026", "\"year\": 2025", "years[1]", "overlaps", "two entries for the same year")]
    [InlineData("\"year\": 2026", "\"year\": 2028", "years[1]", "consecutive", "a gap between years")]
    [InlineData("Asia/Shanghai", "Asia/Atlantis", "timeZone", "unknown time zone", "an unknown zone")]
    [InlineData("\"13:30-17:30\"", "\"17:30-13:30\"", "officeHours[1]", "ends before it starts", "a reversed time range")]
    [InlineData("\"13:30-17:30\"", "\"11:00-17:30\"", "officeHours[1]", "overlaps", "overlapping sessions")]
    [InlineData("\"13:30-17:30\"", "\"1:30pm-5pm\"", "officeHours[1]", "not a time range", "an unreadable time range")]
    [InlineData("\"to\": \"2025-10-08\"", "\"to\": \"2025-09-30\"", "years[0].holidays[0]", "before it starts", "a holiday ending before it starts")]
    [InlineData("\"to\": \"2026-01-03\"", "\"to\": \"2027-01-03\"", "years[1]", "not in 2026", "a holiday running into another year")]
    [InlineData("\"date\": \"2026-01-04\"", "\"date\": \"2026-01-05\"", "years[1]", "already a working day", "a make-up day on a weekday")]
    [InlineData("\"from\": \"2025-10-01\"", "\"from\": \"2025-13-01\"", "years[0].holidays[0].from", "not a date", "an impossible date")]
    [InlineData("\"Saturday\", \"Sunday\"", "\"Saturday\", \"Caturday\"", "weeklyDaysOff[1]", "not a day of the week", "an unknown weekday")]
    [InlineData("\"makeUpWorkdays\": [ { \"name\": \"元旦\"", "\"makeupDays\": [ { \"name\": \"元旦\"", "years[1]", "unknown property", "a misspelt property")]
    [InlineData("\"id\": \"test\",", "\"id\": \"test\"", "line", "not valid JSON", "broken JSON")]
    public void Load_Refuses_NamingFileAndEntry(string find, string replace, string entry, string problem, string edge)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        var error = Assert.Throws<CalendarFormatException>(() => CalendarLoader.Load("broken.json", text, FindZone));

        Assert.StartsWith("broken.json: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Entry.StartsWith(entry, StringComparison.Ordinal), $"{edge}: entry was {error.Entry}");
        Assert.True(error.Message.Contains(problem, StringComparison.Ordinal), $"{edge}: {error.Message}");
    }

    [Fact]
    public void Load_Refuses_WhenNoYearIsCovered()
    {
        var error = Assert.Throws<CalendarFormatException>(() => CalendarLoader.Load("empty.json",
            """{ "id": "x", "timeZone": "Asia/Shanghai", "weeklyDaysOff": ["Sunday"], "years": [] }""", FindZone));

        Assert.Equal("years", error.Entry);
    }

    [Fact]
    public void Load_Refuses_AYearWithoutHolidays()
    {
        var error = Assert.Throws<CalendarFormatException>(() => CalendarLoader.Load("empty.json",
            """{ "id": "x", "timeZone": "Asia/Shanghai", "weeklyDaysOff": ["Sunday"], "years": [ { "year": 2027, "holidays": [] } ] }""", FindZone));

        Assert.Equal("years[0]", error.Entry);
        Assert.Contains("no holidays", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_WritesTheShippedFileAsShipped()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calendars", "cn-mainland.json"));

        Assert.Equal(text, CalendarWriter.ToJson(CnMainland));
    }

    [Fact]
    public void ToJson_ThenLoad_GivesTheSameCalendar()
    {
        var reloaded = CalendarLoader.Load("again.json", CalendarWriter.ToJson(CnMainland), FindZone);

        Assert.Equal(CnMainland.Years, reloaded.Years);
        Assert.Equal(CnMainland.OfficeHours, reloaded.OfficeHours);
        Assert.Equal(CnMainland.WeeklyDaysOff, reloaded.WeeklyDaysOff);
        Assert.Equal(CnMainland.TimeZone.Id, reloaded.TimeZone.Id);
        Assert.Equal(CnMainland.Description, reloaded.Description);
    }
}
