using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Scenarios;

/// 最低生活保障: 30 working days, extendable to 45, public notice of 7 days not counted, refusal notice
/// within 3 working days. Walks a fake clock over the real cn-mainland calendar (2025).
public sealed class MinimumLivingAllowanceScenarioTests
{
    private static CaseDriver Accepted(string at = "2025-03-03T10:00:00+08:00")
    {
        var driver = CaseDriver.For("minimum-living-allowance", at);
        driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"));
        driver.Do("accept", Staff.Clerk, ("handler", Staff.Handler.Id));
        return driver;
    }

    [Fact]
    public void PublicNotice_PausesTheClock_AndPushesThePromisedDeadlineBackByItsWorkingDays()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-03-14T10:00:00+08:00");
        driver.Do("complete_investigation", Staff.Handler, ("findings", "income below the line"));
        driver.AdvanceTo("2025-03-17T10:00:00+08:00");

        driver.Do("propose_approval", Staff.Chief, ("monthly_amount", "650"));
        Assert.Equal(ClockState.Paused, driver.State.Clock!.State);
        Assert.DoesNotContain(driver.State.Timers, t => t.Name.StartsWith("escalation", StringComparison.Ordinal) || t.Name == "inaction");
        var noticeEnds = Assert.Single(driver.State.Timers);
        Assert.Equal(Calendars.Instant("2025-03-24T17:30:00+08:00"), noticeEnds.DueAt);

        driver.AdvanceTo("2025-03-25T09:00:00+08:00");

        Assert.Equal("county_confirmation", driver.State.Stage);
        Assert.Equal(ClockState.Running, driver.State.Clock!.State);
        Assert.Equal(2, driver.State.Clock.Episode);
        // Paused for the five working days 18-21 and 24 March: 30 + 5 working days from 3 March.
        Assert.Equal(Calendars.Instant("2025-04-22T17:30:00+08:00"), driver.State.PromisedDue);
        Assert.Contains(driver.Notices, n => n.Recipient == "section_chief" && n.Template == "timer.notice_period_ends");
    }

    [Fact]
    public void Confirm_RecordsAnEarlyCompletion_WhenDoneWorkingDaysBeforeBothDeadlines()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-03-10T10:00:00+08:00");
        driver.Do("complete_investigation", Staff.Handler, ("findings", "income below the line"));
        driver.Do("propose_approval", Staff.Chief, ("monthly_amount", "650"));
        driver.AdvanceTo("2025-03-19T11:00:00+08:00");
        driver.Do("confirm", Staff.Leader, ("monthly_amount", "650"));

        Assert.Equal("approved", driver.State.Outcome);
        var completion = driver.State.Completion!;
        Assert.Equal(CompletionTiming.Early, completion.AgainstPromised);
        Assert.Equal(CompletionTiming.Early, completion.AgainstStatutory);
        Assert.Equal(ClockState.Stopped, driver.State.Clock!.State);
        var completed = driver.Last(HistoryKinds.Completed);
        Assert.Equal("Early", completed.Data["against_promised"]);
        Assert.Empty(driver.Scheduled);
        Assert.Contains(driver.Notices, n => n.Recipient == "applicant" && n.Template == "case.approved");
    }

    [Fact]
    public void Supplement_PausesTheClockAndListsEveryMaterial_AndResumesInANewEpisode()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-03-04T10:00:00+08:00");

        driver.Do("request_supplement", Staff.Handler, ("materials", "id_cards, household_register"));

        Assert.Equal(ClockState.Paused, driver.State.Clock!.State);
        var notice = driver.Notices.Single(n => n.Template == "case.supplement");
        Assert.Equal(("applicant", "id_cards,household_register"), (notice.Recipient, notice.Data["materials"]));

        driver.AdvanceTo("2025-03-11T10:00:00+08:00");
        driver.Do("materials_received", Staff.Clerk);

        Assert.Equal(ClockState.Running, driver.State.Clock!.State);
        Assert.Equal(2, driver.State.Clock.Episode);
        // Paused over the working days 5-7 and 10-11 March: the deadline moves five working days.
        Assert.Equal(Calendars.Instant("2025-04-22T17:30:00+08:00"), driver.State.PromisedDue);
        Assert.Empty(driver.Findings);
    }

    [Fact]
    public void SecondSupplement_OpensMultipleNotificationsFinding_WhenItNamesAMaterialLeftOffTheFirstList()
    {
        var driver = Accepted();
        driver.Do("request_supplement", Staff.Clerk, ("materials", "id_cards"));
        var first = driver.State.HistoryLength;
        driver.AdvanceTo("2025-03-05T10:00:00+08:00");
        driver.Do("materials_received", Staff.Clerk);
        driver.Do("request_supplement", Staff.Handler, ("materials", "id_cards,income_statement"));

        var finding = Assert.Single(driver.Findings);
        Assert.Equal(FindingKind.MultipleNotifications, finding.Kind);
        Assert.Equal(Staff.Clerk.Id, finding.ResponsibleStaffId);
        Assert.Equal([first, driver.State.HistoryLength], finding.EvidenceSequences);
        Assert.Contains("income_statement", finding.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("id_cards,", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondSupplement_OpensNoFinding_WhenItOnlyRepeatsMaterialsAlreadyListed()
    {
        var driver = Accepted();
        driver.Do("request_supplement", Staff.Clerk, ("materials", "id_cards,income_statement"));
        driver.Do("materials_received", Staff.Clerk);

        driver.Do("request_supplement", Staff.Handler, ("materials", "income_statement"));

        Assert.Empty(driver.Findings);
    }

    [Fact]
    public void Extension_ApprovedByALeaderBeforeTheDeadline_MovesThePromisedDeadlineAndTellsTheApplicantWhy()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-04-10T10:00:00+08:00");
        driver.Do("request_extension", Staff.Handler, ("extension", "15wd"), ("reason", "income check with the bank pending"));
        Assert.Equal(Calendars.Instant("2025-04-15T17:30:00+08:00"), driver.State.PromisedDue);
        Assert.Contains(driver.Notices, n => n.Recipient == "leader" && n.Template == "action.request_extension");

        driver.Clock.Advance(TimeSpan.FromHours(2));
        driver.Do("approve_extension", Staff.Leader);

        // 15 working days after 15 April, counting the make-up workday on Sunday 27 April and skipping 1-5 May.
        Assert.Equal(Calendars.Instant("2025-05-08T17:30:00+08:00"), driver.State.PromisedDue);
        Assert.Null(driver.State.Data.PendingExtension);
        var told = driver.Notices.Single(n => n.Template == "case.extended");
        Assert.Equal(("applicant", "income check with the bank pending"), (told.Recipient, told.Data["reason"]));
        Assert.Equal(WarningLevel.None, driver.State.WarningLevel);
    }

    [Fact]
    public void Extension_BeyondTheMaximum_IsRefusedWithTheClocksReason()
    {
        var driver = Accepted();
        driver.Do("request_extension", Staff.Handler, ("extension", "16wd"), ("reason", "slow"));

        var refused = driver.Refused("approve_extension", Staff.Leader);

        Assert.Equal(RefusalKind.NotAllowed, refused.Kind);
        Assert.Contains("beyond statutory", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_ApprovedWithoutARequest_IsRefused()
    {
        var driver = Accepted();

        var refused = driver.Refused("approve_extension", Staff.Leader);

        Assert.Equal(RefusalKind.NotAllowed, refused.Kind);
        Assert.Contains("no extension request is pending", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_AskedAfterTheDeadline_IsRefusedOnTheRecordWithAMisconductFinding_AndTheCaseStaysOverdue()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-04-16T10:00:00+08:00");

        driver.Do("request_extension", Staff.Handler, ("extension", "10wd"), ("reason", "too late"));

        var refused = driver.Last(HistoryKinds.ExtensionRefused);
        Assert.Equal("investigation", refused.ToStage);
        Assert.Null(driver.State.Data.PendingExtension);
        // The shipped item promises the statutory 30 working days, so both deadlines have passed.
        Assert.Equal(WarningLevel.StatutoryRed, driver.State.WarningLevel);
        var misconduct = driver.Findings.Single(f => f.Kind == FindingKind.Misconduct);
        Assert.Equal(Staff.Handler.Id, misconduct.ResponsibleStaffId);
        Assert.Equal([refused.Sequence], misconduct.EvidenceSequences);
    }

    [Fact]
    public void Ladder_FiresEachLevelOnce_AndOpensSlowActionAndInactionFindingsAgainstTheHandler()
    {
        var driver = Accepted();

        driver.AdvanceTo("2025-04-25T12:00:00+08:00");

        var escalations = driver.History.Where(h => h.Kind == HistoryKinds.Escalation).ToDictionary(e => e.Data["level"]);
        Assert.Equal(["1", "2", "3", "4"], escalations.Keys.Order());
        // Yellow: 20% of 30 working days = 6 working days before the 15 April deadline.
        Assert.Equal(Calendars.Instant("2025-04-07T09:00:00+08:00"), escalations["1"].At);
        // Promised equals statutory here, so red and statutory red fall together just after the deadline.
        Assert.Equal(Calendars.Instant("2025-04-15T17:30:01+08:00"), escalations["2"].At);
        Assert.Equal(Calendars.Instant("2025-04-15T17:30:01+08:00"), escalations["4"].At);
        Assert.Equal(Calendars.Instant("2025-04-17T17:30:00+08:00"), escalations["3"].At);
        Assert.Contains(driver.Notices, n => n.Recipient == Staff.Handler.Id && n.Template == "escalation" && n.Data["level"] == "1");
        Assert.Contains(driver.Notices, n => n.Recipient == "section_chief" && n.Data["level"] == "2");
        Assert.Contains(driver.Notices, n => n.Recipient == "efficiency_office" && n.Data["level"] == "3");

        var slow = driver.Findings.Where(f => f.Kind == FindingKind.SlowAction).ToList();
        Assert.Equal(2, slow.Count);
        Assert.All(slow, f => Assert.Equal(Staff.Handler.Id, f.ResponsibleStaffId));
        Assert.Contains(slow, f => f.EvidenceSequences.Contains(escalations["3"].Sequence));
        Assert.Contains(slow, f => f.EvidenceSequences.Contains(escalations["4"].Sequence));
        var inaction = Assert.Single(driver.Findings, f => f.Kind == FindingKind.Inaction);
        Assert.Equal(Calendars.Instant("2025-03-10T17:30:00+08:00"), driver.History.Single(h => h.Kind == HistoryKinds.Inaction).At);
        Assert.Equal(Staff.Handler.Id, inaction.ResponsibleStaffId);
        Assert.Equal(WarningLevel.StatutoryRed, driver.State.WarningLevel);
        Assert.DoesNotContain(driver.State.Timers, t => t.Name.StartsWith("escalation", StringComparison.Ordinal));
    }

    [Fact]
    public void MovingOn_CancelsThePendingLevel_AndGivesTheNewStageItsOwnTime()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-04-16T10:00:00+08:00");
        var pending = driver.State.Timers.Single(t => t.Name == "escalation.3");
        Assert.Equal(Calendars.Instant("2025-04-17T17:30:00+08:00"), pending.DueAt);

        driver.Do("complete_investigation", Staff.Handler, ("findings", "done late"));

        Assert.Contains(driver.Effects, e => e is CancelTimer c && c.Key == pending.Key);
        var renewed = driver.State.Timers.Single(t => t.Name == "escalation.3");
        Assert.NotEqual(pending.Key, renewed.Key);
        Assert.Equal(Calendars.Instant("2025-04-18T17:30:00+08:00"), renewed.DueAt);
        Assert.DoesNotContain(driver.State.Timers, t => t.Name is "escalation.1" or "escalation.2");
    }

    [Fact]
    public void RefusalNotice_NotSentWithinThreeWorkingDays_OpensSlowActionFinding()
    {
        var driver = Accepted();
        driver.Do("complete_investigation", Staff.Handler, ("findings", "income above the line"));
        driver.AdvanceTo("2025-03-06T16:00:00+08:00");
        driver.Do("propose_refusal", Staff.Chief, ("reason", "income above the line"));

        driver.AdvanceTo("2025-03-12T09:00:00+08:00");

        var timer = driver.History.Single(h => h.Kind == HistoryKinds.Timer && h.Action == "refusal_notice_due");
        Assert.Equal(Calendars.Instant("2025-03-11T17:30:00+08:00"), timer.At);
        var slow = Assert.Single(driver.Findings, f => f.Kind == FindingKind.SlowAction);
        Assert.Equal(Staff.Handler.Id, slow.ResponsibleStaffId);
        Assert.Equal("refusal_notice", driver.State.Stage);

        driver.Do("send_refusal_notice", Staff.Handler, ("reason", "income above the line"));
        Assert.Equal("refused", driver.State.Outcome);
        Assert.Contains(driver.Notices, n => n.Recipient == "applicant" && n.Template == "case.refused" && n.Data["reason"] == "income above the line");
    }

    [Fact]
    public void ObjectionDuringNotice_SendsTheCaseBackToInvestigation_OnTheClockAgain()
    {
        var driver = Accepted();
        driver.Do("complete_investigation", Staff.Handler, ("findings", "ok"));
        driver.Do("propose_approval", Staff.Chief, ("monthly_amount", "650"));
        driver.AdvanceTo("2025-03-06T10:00:00+08:00");

        driver.Do("objection_upheld", Staff.Chief, ("objection", "undeclared car"));

        Assert.Equal("investigation", driver.State.Stage);
        Assert.Equal(ClockState.Running, driver.State.Clock!.State);
        Assert.DoesNotContain(driver.State.Timers, t => t.Name == "notice_period_ends");
    }
}
