using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Engine;

public sealed class WorkflowEngineTests
{
    private static CaseDriver AcceptedAllowance()
    {
        var driver = CaseDriver.For("minimum-living-allowance", "2025-03-03T09:30:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"));
        driver.Clock.Advance(TimeSpan.FromMinutes(30));
        driver.Do("accept", Staff.Clerk, ("handler", Staff.Handler.Id));
        return driver;
    }

    [Fact]
    public void Open_RecordsOwnerAndHistory_WhenStartActionIsAllowed()
    {
        var driver = CaseDriver.For("minimum-living-allowance", "2025-03-03T09:30:00+08:00");

        var result = driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"));

        Assert.Equal("received", result.State.Stage);
        Assert.Equal(1, result.State.Version);
        Assert.Equal(Staff.Clerk.Id, result.State.FirstInquiryOwner);
        Assert.Null(result.State.Clock);
        var entry = Assert.Single(result.History);
        Assert.Equal((1, HistoryKinds.Opened, "apply", null, "received"), (entry.Sequence, entry.Kind, entry.Action, entry.FromStage, entry.ToStage));
        Assert.Equal("Li Hua", entry.Data["applicant"]);
    }

    [Fact]
    public void Open_TakesTheInquiryOwner_WhenCaseComesFromAnInquiry()
    {
        var driver = CaseDriver.For("minimum-living-allowance", "2025-03-03T09:30:00+08:00");

        var result = driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"), ("first_inquiry_owner", "clerk-sun"));

        Assert.Equal("clerk-sun", result.State.FirstInquiryOwner);
    }

    [Fact]
    public void Execute_StartsTheClockAtAcceptance_AndSchedulesTheLadder()
    {
        var driver = AcceptedAllowance();

        Assert.Equal("investigation", driver.State.Stage);
        Assert.Equal(Staff.Handler.Id, driver.State.Handler);
        Assert.Equal(Calendars.Instant("2025-03-03T10:00:00+08:00"), driver.State.Clock!.AcceptedAt);
        // 30 working days after Monday 3 March 2025, skipping the Qingming holiday on Friday 4 April.
        Assert.Equal(Calendars.Instant("2025-04-15T17:30:00+08:00"), driver.State.PromisedDue);
        Assert.Contains(driver.Scheduled, t => t.Name == "escalation.1");
        Assert.Contains(driver.Scheduled, t => t.Name == "escalation.2" && t.DueAt == Calendars.Instant("2025-04-15T17:30:01+08:00"));
        Assert.Contains(driver.Scheduled, t => t.Name == "inaction" && t.DueAt == Calendars.Instant("2025-03-10T17:30:00+08:00"));
        Assert.Contains(driver.Notices, n => n.Recipient == "applicant" && n.Template == "case.accepted" && n.Data["promised_due"].StartsWith("2025-04-15", StringComparison.Ordinal));
        Assert.Contains(driver.Notices, n => n.Recipient == Staff.Handler.Id && n.Template == "case.assigned");
    }

    public static TheoryData<string, string, (string, string)[], RefusalKind, string> Refusals => new()
    {
        { "action of another stage", "confirm", [("monthly_amount", "600")], RefusalKind.WrongStage, "not an action of stage 'investigation'" },
        { "unknown action", "fly", [], RefusalKind.WrongStage, "available: complete_investigation" },
        { "missing input", "complete_investigation", [], RefusalKind.MissingInput, "missing input: findings" },
        { "blank input", "complete_investigation", [("findings", "  ")], RefusalKind.MissingInput, "findings" },
        { "unknown material", "request_supplement", [("materials", "id_cards,passport")], RefusalKind.InvalidInput, "'passport' is not a required material" },
        { "approval by a non-leader", "approve_extension", [], RefusalKind.WrongRole, "leader" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Execute_RefusesNamingStageAndAction_WhenCommandIsIllegal(string edge, string action, (string, string)[] inputs, RefusalKind kind, string reason)
    {
        var driver = AcceptedAllowance();
        var before = driver.State;

        var refused = driver.Refused(action, Staff.Handler, inputs);

        Assert.Equal(kind, refused.Kind);
        Assert.Equal("investigation", refused.Stage);
        Assert.Equal(action, refused.Action);
        Assert.Contains(reason, refused.Reason, StringComparison.Ordinal);
        Assert.Contains($"action '{action}' refused in stage 'investigation'", refused.Message, StringComparison.Ordinal);
        Assert.Same(before, driver.State);
        Assert.False(refused.IsVersionConflict, edge);
    }

    [Fact]
    public void Execute_RefusesWrongRole_WhenActorLacksEveryAllowedRole()
    {
        var driver = AcceptedAllowance();

        var refused = driver.Refused("complete_investigation", Staff.Clerk, ("findings", "poor"));

        Assert.Equal(RefusalKind.WrongRole, refused.Kind);
        Assert.Contains("handler", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ThrowsVersionConflict_WhenExpectedVersionIsStale()
    {
        var driver = AcceptedAllowance();
        var engine = new WorkflowEngine();
        var stale = new CaseCommand("complete_investigation", Staff.Handler, driver.State.Version - 1, new Dictionary<string, string> { ["findings"] = "poor" });

        var conflict = Assert.Throws<VersionConflictException>(() =>
            engine.Execute(driver.Definition, driver.Calendar, driver.State, stale, driver.Now));

        Assert.True(conflict.IsVersionConflict);
        Assert.Equal(RefusalKind.StaleVersion, conflict.Kind);
        Assert.Equal(driver.State.Version, conflict.ActualVersion);
        Assert.Equal(driver.State.Version - 1, conflict.ExpectedVersion);
    }

    [Fact]
    public void Execute_RefusesAnyAction_WhenCaseIsClosed()
    {
        var driver = AcceptedAllowance();
        driver.Do("withdraw", Staff.Clerk, ("reason", "moved away"));

        var refused = driver.Refused("complete_investigation", Staff.Handler, ("findings", "x"));

        Assert.Equal(RefusalKind.Closed, refused.Kind);
        Assert.Equal("withdrawn", driver.State.Outcome);
        Assert.Empty(driver.State.Timers);
        Assert.Empty(driver.Scheduled);
    }

    [Fact]
    public void Execute_IncrementsVersionAndContinuesSequences_OnEveryTransition()
    {
        var driver = AcceptedAllowance();
        driver.Do("complete_investigation", Staff.Handler, ("findings", "poor"));

        Assert.Equal(3, driver.State.Version);
        Assert.Equal(Enumerable.Range(1, driver.History.Count), driver.History.Select(h => h.Sequence));
        Assert.Equal(driver.History.Count, driver.State.HistoryLength);
        Assert.All(driver.History.Skip(1), h => Assert.NotNull(h.Clock));
    }

    [Fact]
    public void FireTimer_ReturnsEmpty_WhenTimerIsNoLongerPending()
    {
        var driver = AcceptedAllowance();
        var inaction = driver.Scheduled.Single(t => t.Name == "inaction").Key;
        driver.Do("complete_investigation", Staff.Handler, ("findings", "poor"));

        var late = driver.Fire(inaction);

        Assert.True(late.IsEmpty);
        Assert.Empty(late.Effects);
        Assert.Same(driver.State, late.State);
        Assert.Contains(driver.Effects, e => e is CancelTimer c && c.Key == inaction);
    }

    [Fact]
    public void FireTimer_FiresOnce_WhenTheSameKeyArrivesTwice()
    {
        var driver = AcceptedAllowance();
        var inaction = driver.Scheduled.Single(t => t.Name == "inaction");
        driver.AdvanceTo(inaction.DueAt);

        var duplicate = driver.Fire(inaction.Key);

        Assert.True(duplicate.IsEmpty);
        Assert.Single(driver.Findings, f => f.Kind == Accountability.FindingKind.Inaction);
    }

    [Fact]
    public void Execute_Throws_WhenGivenAnotherVersionOfTheDefinition()
    {
        var driver = AcceptedAllowance();
        var text = WorkflowFiles.Read("minimum-living-allowance.json").Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal);
        var v2 = Workflows.Definitions.DefinitionLoader.Load("v2.json", text);
        var command = new CaseCommand("complete_investigation", Staff.Handler, driver.State.Version, new Dictionary<string, string> { ["findings"] = "poor" });

        Assert.Throws<ArgumentException>(() => new WorkflowEngine().Execute(v2, driver.Calendar, driver.State, command, driver.Now));
    }

    [Fact]
    public void Snapshot_IsYellowAtTheScheduledYellowInstant_AndNotBefore()
    {
        var driver = AcceptedAllowance();
        var yellow = driver.Scheduled.Single(t => t.Name == "escalation.1").DueAt;
        var clock = driver.State.Clock!;
        var thresholds = driver.Definition.Warnings;

        Assert.Equal(WarningLevel.Yellow, clock.Snapshot(driver.Calendar, yellow, thresholds).Warning);
        Assert.Equal(WarningLevel.None, clock.Snapshot(driver.Calendar, yellow.AddDays(-1), thresholds).Warning);
    }
}
