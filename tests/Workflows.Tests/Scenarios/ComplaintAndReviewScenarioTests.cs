using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Scenarios;

/// Complaint handling (verified complaints feed the sanction ladder) and bad-review rectification (verify,
/// rectify, call back within 5 working days), both run as cases by the same engine.
public sealed class ComplaintAndReviewScenarioTests
{
    private static CaseDriver Verifying()
    {
        var driver = CaseDriver.For("complaint-handling", "2025-03-03T10:00:00+08:00");
        driver.Open("lodge", Staff.Clerk, ("complainant", "Qian Yu"), ("about", "refused without reason at window 3"));
        driver.Do("assign", Staff.Efficiency, ("handler", Staff.Handler.Id));
        return driver;
    }

    public static TheoryData<string, int, Sanction> SanctionLadder => new()
    {
        { "first verified complaint this year", 0, Sanction.Admonishment },
        { "second", 1, Sanction.CirculatedCriticism },
        { "third", 2, Sanction.JobRotation },
        { "beyond the ladder keeps the top rung", 5, Sanction.JobRotation },
    };

    private static CaseCommand Verify(CaseDriver driver, int? prior, params (string Name, string Value)[] extra) =>
        driver.Command("verify", Staff.Efficiency, [("against", "clerk-wu"), ("summary", "refused without reason"), .. extra])
            with { PriorVerifiedComplaints = prior };

    [Theory]
    [MemberData(nameof(SanctionLadder))]
    public void Verify_OpensMisconductFindingWithTheSanctionForTheCount(string edge, int prior, Sanction sanction)
    {
        var driver = Verifying();

        driver.Do(Verify(driver, prior));

        var finding = Assert.Single(driver.Findings);
        Assert.Equal((FindingKind.Misconduct, "clerk-wu"), (finding.Kind, finding.ResponsibleStaffId));
        Assert.Contains(sanction.ToString(), finding.Reason, StringComparison.Ordinal);
        var entry = driver.History.Single(h => h.Action == "verify");
        Assert.Equal(sanction.ToString(), entry.Data["sanction"]);
        Assert.Equal(prior.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Data["prior_verified_complaints"]);
        Assert.Equal([1, entry.Sequence], finding.EvidenceSequences);
        Assert.True(driver.State.Stage == "reply_verified", edge);
    }

    [Fact]
    public void Verify_IsRefused_WhenTheStoreGaveNoCount()
    {
        var driver = Verifying();

        var refused = driver.Refused(Verify(driver, prior: null));

        Assert.Equal(RefusalKind.NotAllowed, refused.Kind);
        Assert.Contains("not supplied by the store", refused.Message, StringComparison.Ordinal);
        Assert.Equal("verifying", driver.State.Stage);
        Assert.Empty(driver.Findings);
    }

    [Fact]
    public void Verify_IsRefused_WhenOnlyTheCallerSentACount()
    {
        var driver = Verifying();

        var refused = driver.Refused(Verify(driver, prior: null, ("prior_verified_complaints", "2")));

        Assert.Equal(RefusalKind.NotAllowed, refused.Kind);
        Assert.Empty(driver.Findings);
    }

    [Fact]
    public void Verify_UsesTheStoreCountAndDropsTheCallers_WhenBothAreSent()
    {
        var driver = Verifying();

        // The store has none on record; a caller claiming two earlier ones must not reach job rotation.
        driver.Do(Verify(driver, prior: 0, ("prior_verified_complaints", "2")));

        var finding = Assert.Single(driver.Findings);
        Assert.Contains(nameof(Sanction.Admonishment), finding.Reason, StringComparison.Ordinal);
        var entry = driver.History.Single(h => h.Action == "verify");
        Assert.Equal(("0", "1"), (entry.Data["prior_verified_complaints"], entry.Data["verified_count"]));
        Assert.False(driver.State.Data.Inputs.ContainsKey("prior_verified_complaints"));
    }

    [Fact]
    public void Dismiss_RepliesWithoutFinding_AndClosesUnfounded()
    {
        var driver = Verifying();
        driver.Do("dismiss", Staff.Efficiency, ("reason", "the refusal was lawful"));
        driver.Do("reply", Staff.Handler, ("reply", "explained the rule"));

        Assert.Equal("unfounded", driver.State.Outcome);
        Assert.Empty(driver.Findings);
        Assert.Contains(driver.Notices, n => n.Recipient == "applicant" && n.Template == "complaint.reply");
    }

    private static CaseDriver Review(string at = "2025-03-03T10:00:00+08:00")
    {
        var driver = CaseDriver.For("bad-review-rectification", at);
        driver.Open("open", Staff.Efficiency, ("rating", "1"), ("window", "window-3"), ("responsible", "clerk-wu"), ("review", "rude and slow"));
        return driver;
    }

    [Fact]
    public void Rectification_CalledBackWithinFiveWorkingDays_ClosesRectifiedOnTime()
    {
        var driver = Review();
        Assert.Equal("clerk-wu", driver.State.Handler);
        Assert.Equal(Calendars.Instant("2025-03-10T17:30:00+08:00"), driver.State.PromisedDue);
        Assert.Contains(driver.Notices, n => n.Recipient == "section_chief" && n.Data["window"] == "window-3");

        driver.Do("confirm", Staff.Chief, ("finding", "queue not called in order"));
        driver.AdvanceTo("2025-03-05T10:00:00+08:00");
        driver.Do("rectified", Actor.Staff("clerk-wu", "handler"), ("measures", "queue system retrained"));
        driver.Do("called_back", Actor.Staff("clerk-wu", "handler"), ("callback_result", "satisfied"));

        Assert.Equal("rectified", driver.State.Outcome);
        Assert.NotEqual(CompletionTiming.Overdue, driver.State.Completion!.AgainstPromised);
        Assert.Empty(driver.Findings);
    }

    [Fact]
    public void Rectification_PastFiveWorkingDays_OpensSlowActionFindingAgainstTheResponsibleStaff()
    {
        var driver = Review();
        driver.Do("confirm", Staff.Chief, ("finding", "queue not called in order"));

        driver.AdvanceTo("2025-03-11T10:00:00+08:00");

        var finding = Assert.Single(driver.Findings);
        Assert.Equal((FindingKind.SlowAction, "clerk-wu"), (finding.Kind, finding.ResponsibleStaffId));
        Assert.Contains(driver.Notices, n => n.Recipient == "efficiency_office" && n.Data["level"] == "2");
    }

    [Fact]
    public void Appeal_Upheld_VoidsTheReview()
    {
        var driver = Review();
        driver.Do("appeal", Staff.Chief, ("reason", "the reviewer was never served"));
        driver.Do("void_review", Staff.Efficiency, ("reason", "mistaken review"));

        Assert.Equal("voided", driver.State.Outcome);
    }
}
