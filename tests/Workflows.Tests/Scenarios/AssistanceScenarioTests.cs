using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Scenarios;

/// 特困人员供养 and 临时救助 (with the urgent path that pays first and does the paperwork after).
public sealed class AssistanceScenarioTests
{
    [Fact]
    public void ExtremePoverty_InvestigationOverran_NotifiesTheChief_AndTheNoticeIsNotCounted()
    {
        var driver = CaseDriver.For("extreme-poverty-support", "2025-03-03T10:00:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Zhao Min"));
        driver.Do("accept", Staff.Clerk, ("handler", Staff.Handler.Id));

        driver.AdvanceTo("2025-03-25T09:00:00+08:00");
        var overran = driver.History.Single(h => h.Kind == HistoryKinds.Timer && h.Action == "investigation_due");
        Assert.Equal(Calendars.Instant("2025-03-24T17:30:00+08:00"), overran.At);
        Assert.Contains(driver.Notices, n => n.Recipient == "section_chief" && n.Template == "timer.investigation_due");
        Assert.Equal("investigation", driver.State.Stage);

        driver.Do("complete_investigation", Staff.Handler, ("findings", "no income, no family support"));
        Assert.Equal("public_notice", driver.State.Stage);
        Assert.Equal(ClockState.Paused, driver.State.Clock!.State);
        driver.AdvanceTo("2025-04-02T09:00:00+08:00");
        Assert.Equal("county_confirmation", driver.State.Stage);

        driver.Do("confirm", Staff.Leader, ("support_type", "dispersed"));
        Assert.Equal("approved", driver.State.Outcome);
        // 25 working days from 3 March end on 8 April (4 April is Qingming); the notice from 25 March to close on
        // 1 April stood still over five working days (26-28, 31 March, 1 April).
        Assert.Equal(Calendars.Instant("2025-04-15T17:30:00+08:00"), driver.State.Completion!.PromisedDue);
        Assert.Equal(CompletionTiming.Early, driver.State.Completion.AgainstPromised);
    }

    [Fact]
    public void TemporaryAssistance_UrgentPath_PaysFirstThenCompletesThePaperwork()
    {
        var driver = CaseDriver.For("temporary-assistance", "2025-03-03T10:00:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Sun Qiang"), ("hardship", "house fire"));

        driver.Do("accept_urgent", Staff.Clerk, ("handler", Staff.Handler.Id), ("urgency", "family homeless tonight"));
        Assert.Equal("urgent_payment", driver.State.Stage);
        Assert.NotNull(driver.State.Clock);
        driver.Clock.Advance(TimeSpan.FromHours(2));
        driver.Do("pay", Staff.Chief, ("amount", "3000"));
        Assert.Equal("paperwork", driver.State.Stage);
        Assert.Contains(driver.Notices, n => n.Recipient == "applicant" && n.Template == "assistance.paid" && n.Data["amount"] == "3000");

        driver.AdvanceTo("2025-03-05T10:00:00+08:00");
        driver.Do("request_supplement", Staff.Handler, ("materials", "hardship_proof"));
        driver.AdvanceTo("2025-03-07T10:00:00+08:00");
        driver.Do("materials_received", Staff.Clerk);
        driver.Do("complete_paperwork", Staff.Handler);

        Assert.Equal("paid", driver.State.Outcome);
        Assert.Equal(CompletionTiming.Early, driver.State.Completion!.AgainstPromised);
        Assert.DoesNotContain(driver.Findings, f => f.Kind == FindingKind.SlowAction);
    }

    [Fact]
    public void TemporaryAssistance_UrgentPaymentNotMadeWithinAWorkingDay_OpensSlowActionFinding()
    {
        var driver = CaseDriver.For("temporary-assistance", "2025-03-07T16:00:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Sun Qiang"), ("hardship", "house fire"));
        driver.Do("accept_urgent", Staff.Clerk, ("handler", Staff.Handler.Id), ("urgency", "homeless"));

        driver.AdvanceTo("2025-03-11T09:00:00+08:00");

        // Accepted on Friday afternoon: one working day ends at close on Monday 10 March.
        var late = driver.History.Single(h => h.Action == "urgent_payment_due");
        Assert.Equal(Calendars.Instant("2025-03-10T17:30:00+08:00"), late.At);
        var finding = Assert.Single(driver.Findings);
        Assert.Equal((FindingKind.SlowAction, Staff.Handler.Id), (finding.Kind, finding.ResponsibleStaffId));
        Assert.Contains(driver.Notices, n => n.Recipient == "leader" && n.Template == "timer.urgent_payment_due");
    }

    [Fact]
    public void TemporaryAssistance_OrdinaryPath_AssessesThenPays()
    {
        var driver = CaseDriver.For("temporary-assistance", "2025-03-03T10:00:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Sun Qiang"), ("hardship", "medical bills"));
        driver.Do("accept", Staff.Clerk, ("handler", Staff.Handler.Id));
        driver.AdvanceTo("2025-03-06T10:00:00+08:00");
        driver.Do("approve", Staff.Chief, ("amount", "1500"));
        driver.Do("pay", Staff.Handler);

        Assert.Equal("paid", driver.State.Outcome);
        Assert.Equal(Calendars.Instant("2025-03-17T17:30:00+08:00"), driver.State.Completion!.PromisedDue);
    }
}
