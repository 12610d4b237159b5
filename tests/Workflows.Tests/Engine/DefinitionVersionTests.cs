using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Engine;

public sealed class DefinitionVersionTests
{
    [Fact]
    public void RunningCase_KeepsItsVersion_WhileNewCasesStartOnTheNewOne()
    {
        var v1Text = WorkflowFiles.Read("bad-review-rectification.json");
        // Version 2 shortens the rectification limit to 3 working days.
        var v2Text = v1Text.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal).Replace("\"5wd\"", "\"3wd\"", StringComparison.Ordinal);
        var catalog = DefinitionCatalog.Load([("v1.json", v1Text)]);
        var engine = new WorkflowEngine();
        var at = Calendars.Instant("2025-03-03T10:00:00+08:00");
        var inputs = new Dictionary<string, string> { ["rating"] = "2", ["window"] = "w", ["responsible"] = "clerk-wu", ["review"] = "slow" };
        var old = engine.Open(catalog.Latest("bad-review-rectification"), Calendars.CnMainland, Guid.NewGuid(), new CaseCommand("open", Staff.Efficiency, 0, inputs), at).State;

        catalog = DefinitionCatalog.Load([("v1.json", v1Text), ("v2.json", v2Text)]);
        var fresh = engine.Open(catalog.Latest("bad-review-rectification"), Calendars.CnMainland, Guid.NewGuid(), new CaseCommand("open", Staff.Efficiency, 0, inputs), at).State;
        var running = engine.Execute(
            catalog.Get(old.DefinitionId, old.DefinitionVersion), Calendars.CnMainland, old,
            new CaseCommand("confirm", Staff.Chief, old.Version, new Dictionary<string, string> { ["finding"] = "true" }), at.AddHours(1)).State;

        Assert.Equal((1, 2), (running.DefinitionVersion, fresh.DefinitionVersion));
        Assert.Equal(Calendars.Instant("2025-03-10T17:30:00+08:00"), running.PromisedDue);
        Assert.Equal(Calendars.Instant("2025-03-06T17:30:00+08:00"), fresh.PromisedDue);
    }
}
