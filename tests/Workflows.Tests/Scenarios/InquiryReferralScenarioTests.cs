using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Scenarios;

/// 首问负责制: the first staff member approached logs the inquiry and owns it; a referral must be
/// acknowledged within 2 working hours or it escalates to both sides' chiefs; a lost referral is a finding
/// against whoever held it last.
public sealed class InquiryReferralScenarioTests
{
    private static CaseDriver Logged(string at = "2025-03-03T10:00:00+08:00")
    {
        var driver = CaseDriver.For("inquiry-referral", at);
        driver.Open("log", Staff.Clerk, ("channel", "phone"), ("matter", "pension transfer"), ("window", "window-1"));
        return driver;
    }

    [Fact]
    public void Answer_ClosesTheInquiry_WithTheOwnerOnRecord()
    {
        var driver = Logged();

        driver.Do("answer", Staff.Clerk, ("answer", "bring the transfer form"));

        Assert.Equal("answered", driver.State.Outcome);
        Assert.Equal(Staff.Clerk.Id, driver.State.FirstInquiryOwner);
        Assert.Null(driver.State.Completion);
    }

    [Fact]
    public void Referral_AcknowledgedInTime_MovesResponsibilityButKeepsTheOwner()
    {
        var driver = Logged();
        driver.Do("refer", Staff.Clerk, ("target_window", "window-7"), ("contact", "0571-1234567"));
        Assert.Contains(driver.Notices, n => n.Recipient == "section_chief" && n.Data["window"] == "window-7");
        Assert.Equal(Staff.Clerk.Id, driver.State.Responsible);

        driver.AdvanceTo("2025-03-03T11:00:00+08:00");
        driver.Do("acknowledge", Staff.OtherClerk);

        Assert.Equal("acknowledged", driver.State.Stage);
        Assert.Equal(Staff.OtherClerk.Id, driver.State.Handler);
        Assert.Equal(Staff.Clerk.Id, driver.State.FirstInquiryOwner);
        Assert.Empty(driver.Scheduled);
        Assert.Contains(driver.Notices, n => n.Recipient == Staff.Clerk.Id && n.Template == "action.acknowledge");

        driver.Do("open_case", Staff.OtherClerk, ("definition", "minimum-living-allowance"));
        Assert.Equal("case_opened", driver.State.Outcome);
    }

    [Fact]
    public void Referral_Unacknowledged_EscalatesToBothChiefsAfterTwoWorkingHours_ThenIsLost()
    {
        // Referred at 11:00: two office hours run 11:00-12:00 and 13:30-14:30 (lunch is not counted).
        var driver = Logged("2025-03-03T10:30:00+08:00");
        driver.AdvanceTo("2025-03-03T11:00:00+08:00");
        driver.Do("refer", Staff.Clerk, ("target_window", "window-7"), ("contact", "0571-1234567"));

        driver.AdvanceTo("2025-03-03T15:00:00+08:00");

        var due = driver.History.Single(h => h.Action == "acknowledgement_due");
        Assert.Equal(Calendars.Instant("2025-03-03T14:30:00+08:00"), due.At);
        var chiefs = driver.Notices.Where(n => n.Template == "referral.unacknowledged" && n.Recipient == "section_chief").Select(n => n.Data["window"]);
        Assert.Equal(["window-1", "window-7"], chiefs.Order());
        Assert.Contains(driver.Notices, n => n.Template == "referral.unacknowledged" && n.Recipient == Staff.Clerk.Id);
        Assert.Equal("referred", driver.State.Stage);

        driver.AdvanceTo("2025-03-06T09:00:00+08:00");

        Assert.Equal("lost", driver.State.Stage);
        var lost = Assert.Single(driver.Findings);
        Assert.Equal((FindingKind.LostReferral, Staff.Clerk.Id), (lost.Kind, lost.ResponsibleStaffId));
        var referral = driver.History.Single(h => h.Action == "refer");
        Assert.Contains(referral.Sequence, lost.EvidenceSequences);
    }

    [Fact]
    public void Referral_ReReferredByTheAcknowledger_IsLostAgainstThem()
    {
        var driver = Logged();
        driver.Do("refer", Staff.Clerk, ("target_window", "window-7"), ("contact", "1"));
        driver.Do("acknowledge", Staff.OtherClerk);
        driver.Do("refer", Staff.OtherClerk, ("target_window", "window-9"), ("contact", "2"));

        driver.AdvanceTo("2025-03-10T09:00:00+08:00");

        var lost = Assert.Single(driver.Findings);
        Assert.Equal(Staff.OtherClerk.Id, lost.ResponsibleStaffId);
        Assert.Equal(Staff.Clerk.Id, driver.State.FirstInquiryOwner);
    }
}
