using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Statistics;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Statistics;

public sealed class CaseFactsReaderTests
{
    private static CaseDriver Accepted(string at)
    {
        var driver = new CaseDriver(StatisticsPermit.Definition, Calendars.Instant(at));
        driver.Open("accept", Staff.Clerk, ("window", "w-marriage"));
        return driver;
    }

    private static CaseFacts Read(CaseDriver driver) =>
        CaseFactsReader.Read(driver.State.Id, driver.History, StatisticsPermit.Definition, Calendars.CnMainland, null, "civil");

    [Fact]
    public void Read_TakesWindowKindAndKeys_WhenCaseIsOpen()
    {
        // Thursday 10-08 is the first working day after the National Day holiday (10-01..10-07).
        var driver = Accepted("2026-10-08T10:00:00+08:00");
        driver.Clock.SetUtcNow(Calendars.Instant("2026-10-09T09:00:00+08:00"));
        driver.Do("take", Staff.Handler);

        var facts = Read(driver);

        Assert.Equal(new DimensionKeys("civil", "w-marriage", Staff.Handler.Id, "statistics-permit"), facts.Keys);
        Assert.Equal((ItemKind.Promised, 2, 10), (facts.Kind, facts.HistoryLength, facts.StatutoryWorkingDays));
        Assert.Equal(Calendars.Instant("2026-10-08T10:00:00+08:00"), facts.AcceptedAt);
        // 5 working days after 10-08: 10-09, 10-10 (the Saturday make-up day), 10-12, 10-13, 10-14.
        Assert.Equal(Calendars.Instant("2026-10-14T17:30:00+08:00"), facts.PromisedDue);
        Assert.Null(facts.CompletedAt);
    }

    [Theory]
    [InlineData("a working day before the due day is early", "2026-10-13T10:00:00+08:00", true, 4)]
    [InlineData("the due day itself is on time, not early", "2026-10-14T15:00:00+08:00", false, 5)]
    [InlineData("after the deadline is late, not early", "2026-10-15T09:30:00+08:00", false, 6)]
    public void Read_JudgesEarlyOnTheCalendar_WhenCaseCompletes(string edge, string completed, bool early, int used)
    {
        var driver = Accepted("2026-10-08T10:00:00+08:00");
        driver.Clock.SetUtcNow(Calendars.Instant(completed));
        driver.Do("approve", Staff.Clerk);

        var facts = Read(driver);

        Assert.True((early, used, Calendars.Instant(completed)) == (facts.CompletedEarly, facts.WorkingDaysUsed, facts.CompletedAt), edge);
        Assert.Equal("approved", facts.Outcome);
    }

    [Fact]
    public void Read_ListsSupplementsAndGrantedExtensions_WhenCaseHadThem()
    {
        var driver = Accepted("2026-10-08T10:00:00+08:00");
        driver.Clock.SetUtcNow(Calendars.Instant("2026-10-09T10:00:00+08:00"));
        driver.Do("request_supplement", Staff.Clerk, ("materials", "form"));
        driver.Clock.SetUtcNow(Calendars.Instant("2026-10-12T10:00:00+08:00"));
        driver.Do("materials_received", Staff.Clerk);
        driver.Clock.SetUtcNow(Calendars.Instant("2026-10-13T10:00:00+08:00"));
        driver.Do("request_extension", Staff.Clerk, ("extension", "2wd"), ("reason", "site visit"));
        driver.Clock.SetUtcNow(Calendars.Instant("2026-10-13T11:00:00+08:00"));
        driver.Do("approve_extension", Staff.Leader);

        var facts = Read(driver);

        Assert.Equal([Calendars.Instant("2026-10-09T10:00:00+08:00")], facts.Supplements);
        Assert.Equal([Calendars.Instant("2026-10-13T11:00:00+08:00")], facts.Extensions);
    }

    [Fact]
    public void Read_LeavesAcceptanceEmpty_WhenClockNeverStarted()
    {
        var definition = WorkflowFiles.Load("minimum-living-allowance");
        var driver = new CaseDriver(definition, Calendars.Instant("2026-10-08T10:00:00+08:00"));
        driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"));

        var facts = CaseFactsReader.Read(driver.State.Id, driver.History, definition, Calendars.CnMainland, "MLA-01", null);

        Assert.Equal((null, null, "MLA-01", Staff.Clerk.Id), (facts.AcceptedAt, facts.CompletedAt, facts.Keys.Item, facts.Keys.Staff));
    }
}
