using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Scenarios;

/// Immediate items: marriage registration and certificate reissue are due by office close on the
/// acceptance day (the next working day's close when accepted on a day off).
public sealed class MarriageAndCertificateScenarioTests
{
    [Fact]
    public void Marriage_RegisteredOnTheSpot_CompletesOnTimeAndCancelsTheLadder()
    {
        var driver = CaseDriver.For("marriage-registration", "2025-03-03T10:00:00+08:00");
        driver.Open("receive", Staff.Clerk, ("party_a", "Wang Fang"), ("party_b", "Zhou Lei"));
        Assert.Equal(Calendars.Instant("2025-03-03T17:30:00+08:00"), driver.State.PromisedDue);
        var red = driver.State.Timers.Single(t => t.Name == "escalation.1");

        driver.Clock.Advance(TimeSpan.FromMinutes(20));
        driver.Do("register", Staff.Clerk, ("certificate_number", "J110101-2025-000123"));

        Assert.Equal("registered", driver.State.Outcome);
        Assert.Equal(CompletionTiming.OnTime, driver.State.Completion!.AgainstPromised);
        Assert.Contains(driver.Effects, e => e is CancelTimer c && c.Key == red.Key);
        Assert.Empty(driver.Scheduled);
        Assert.Contains(driver.Notices, n => n.Recipient == "applicant" && n.Template == "marriage.registered");
    }

    [Fact]
    public void Marriage_LeftOverNight_GoesRedAtCloseAndCompletesOverdue()
    {
        var driver = CaseDriver.For("marriage-registration", "2025-03-03T16:00:00+08:00");
        driver.Open("receive", Staff.Clerk, ("party_a", "Wang Fang"), ("party_b", "Zhou Lei"));

        driver.AdvanceTo("2025-03-04T09:30:00+08:00");
        driver.Do("register", Staff.Clerk, ("certificate_number", "J110101-2025-000124"));

        var red = driver.History.Single(h => h.Kind == HistoryKinds.Escalation);
        Assert.Equal(Calendars.Instant("2025-03-03T17:30:01+08:00"), red.At);
        Assert.Contains(driver.Notices, n => n.Recipient == Staff.Clerk.Id && n.Data["level"] == "1");
        Assert.Contains(driver.Notices, n => n.Recipient == "section_chief" && n.Data["level"] == "1");
        Assert.Equal(CompletionTiming.Overdue, driver.State.Completion!.AgainstPromised);
        Assert.DoesNotContain(driver.Findings, f => f.Kind == FindingKind.SlowAction);
    }

    public static TheoryData<string, string, string> ReissueDueDays => new()
    {
        { "ordinary Monday", "2025-03-03T10:00:00+08:00", "2025-03-03T17:30:00+08:00" },
        { "Saturday make-up workday", "2025-02-08T10:00:00+08:00", "2025-02-08T17:30:00+08:00" },
        { "special opening on the May Day holiday: done in the same visit", "2025-05-03T10:00:00+08:00", "2025-05-03T17:30:00+08:00" },
        { "May Day holiday after close: the first working day after the block", "2025-05-03T18:00:00+08:00", "2025-05-06T17:30:00+08:00" },
        { "after office close", "2025-03-03T18:00:00+08:00", "2025-03-04T17:30:00+08:00" },
    };

    [Theory]
    [MemberData(nameof(ReissueDueDays))]
    public void Reissue_IsDueByCloseOfTheAcceptanceDay(string edge, string received, string due)
    {
        var driver = CaseDriver.For("certificate-reissue", received);

        driver.Open("receive", Staff.Clerk, ("applicant", "Wang Fang"), ("certificate_kind", "marriage"));

        Assert.True(driver.State.PromisedDue == Calendars.Instant(due), edge);
    }

    [Fact]
    public void Reissue_Refused_RecordsTheOutcomeAndTellsTheApplicant()
    {
        var driver = CaseDriver.For("certificate-reissue", "2025-03-03T10:00:00+08:00");
        driver.Open("receive", Staff.Clerk, ("applicant", "Wang Fang"), ("certificate_kind", "marriage"));

        driver.Do("refuse", Staff.Clerk, ("reason", "no registration on file"));

        Assert.Equal("refused", driver.State.Outcome);
        Assert.Contains(driver.Notices, n => n.Template == "certificate.refused" && n.Data["reason"] == "no registration on file");
    }
}
