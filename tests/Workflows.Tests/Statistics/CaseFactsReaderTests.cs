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

    private static readonly Dictionary<string, string> DepartmentOfWindow = new() { ["window-7"] = "civil", ["window-8"] = "social" };

    private static CaseFacts ReadShipped(CaseDriver driver) =>
        CaseFactsReader.Read(driver.State.Id, driver.History, driver.Definition, Calendars.CnMainland, null, "hall", DepartmentOfWindow);

    [Fact]
    public void Read_ListsEachReferralForItsTarget_WhenOneWasRecalledAndTheNextAcknowledgedLate()
    {
        var driver = CaseDriver.For("inquiry-referral", "2025-03-03T10:30:00+08:00");
        driver.Open("log", Staff.Clerk, ("channel", "phone"), ("matter", "pension transfer"), ("window", "window-1"));
        driver.AdvanceTo("2025-03-03T11:00:00+08:00");
        driver.Do("refer", Staff.Clerk, ("target_window", "window-7"), ("contact", "0571-1234567"));
        driver.AdvanceTo("2025-03-03T11:20:00+08:00");
        driver.Do("recall", Staff.Clerk, ("reason", "wrong window"));
        driver.AdvanceTo("2025-03-03T11:30:00+08:00");
        driver.Do("refer", Staff.Clerk, ("target_window", "window-8"), ("contact", "0571-1234567"));
        driver.AdvanceTo("2025-03-03T16:00:00+08:00");
        driver.Do("acknowledge", Staff.OtherClerk);

        var facts = ReadShipped(driver);

        // Two working hours skip the lunch break (12:00-13:30): 11:00 is due 14:30, 11:30 is due 15:00.
        Assert.Equal(
            [
                new ReferralFact(new DimensionKeys("civil", "window-7", Staff.Clerk.Id, "inquiry-referral"),
                    Calendars.Instant("2025-03-03T11:00:00+08:00"), Calendars.Instant("2025-03-03T14:30:00+08:00"), null),
                new ReferralFact(new DimensionKeys("social", "window-8", Staff.OtherClerk.Id, "inquiry-referral"),
                    Calendars.Instant("2025-03-03T11:30:00+08:00"), Calendars.Instant("2025-03-03T15:00:00+08:00"),
                    Calendars.Instant("2025-03-03T16:00:00+08:00")),
            ],
            facts.Referrals);
        Assert.False(facts.Referrals[1].AcknowledgedOnTime);
        Assert.Null(facts.AcceptedAt);
        Assert.Null(facts.Complaint);
    }

    [Fact]
    public void Read_TakesTheComplaintAgainstTheVerifiedPerson_WhenComplaintIsVerified()
    {
        var driver = CaseDriver.For("complaint-handling", "2025-03-03T09:00:00+08:00");
        driver.Open("lodge", Staff.Efficiency, ("complainant", "张伟"), ("about", "rude"), ("window", "window-7"));
        driver.AdvanceTo("2025-03-04T09:00:00+08:00");
        driver.Do("assign", Staff.Efficiency, ("handler", Staff.Handler.Id));
        driver.AdvanceTo("2025-03-06T15:00:00+08:00");
        driver.Do(driver.Command("verify", Staff.Efficiency, [("against", Staff.Clerk.Id), ("summary", "confirmed on video")])
            with { PriorVerifiedComplaints = 0 });

        var facts = ReadShipped(driver);

        Assert.Equal(new ComplaintFact(new DimensionKeys("hall", "window-7", Staff.Clerk.Id, "complaint-handling"),
            Calendars.Instant("2025-03-03T09:00:00+08:00"), Calendars.Instant("2025-03-06T15:00:00+08:00")), facts.Complaint);
        Assert.Empty(facts.Referrals);
    }
}
