using System.Text.Json.Nodes;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Tests.Engine;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Tests.Cases;

public sealed class CaseStateJsonTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-03-03T09:30:00+08:00");

    private static CaseState Opened() =>
        new WorkflowEngine().Open(TestCatalog.Instance.Latest(TestCatalog.DefinitionId), TestCatalog.Instance.Calendar, Guid.NewGuid(),
            CaseCommand.Of("accept", Actor.Staff("clerk-1", "clerk"), 0), Now).State;

    [Fact]
    public void Serialize_LeavesOutNullsAndComputedMembers_WhenCaseIsOpen()
    {
        var json = JsonNode.Parse(CaseStateJson.Serialize(Opened()))!.AsObject();

        Assert.False(json.ContainsKey("Handler"));
        Assert.False(json.ContainsKey("Outcome"));
        Assert.False(json.ContainsKey("IsClosed"));
        Assert.False(json.ContainsKey("Responsible"));
        Assert.Equal("review", (string?)json["Stage"]);
    }

    [Fact]
    public void Deserialize_RestoresTheState_WhenWrittenByTheStore()
    {
        var state = Opened();

        var back = CaseStateJson.Deserialize(CaseStateJson.Serialize(state));

        Assert.Equal(CaseStateJson.Serialize(state), CaseStateJson.Serialize(back));
        Assert.Equal(state.Clock, back.Clock);
        Assert.Equal(state.Timers, back.Timers);
        Assert.Equal(state with { Timers = back.Timers, FiredEscalations = back.FiredEscalations, FiredTimers = back.FiredTimers, Data = back.Data }, back);
    }

    [Fact]
    public void Deserialize_ReadsStoredState_WhenItHasNullsAndComputedMembers()
    {
        var state = Opened();
        var older = JsonNode.Parse(CaseStateJson.Serialize(state))!.AsObject();
        older["Handler"] = null;
        older["Outcome"] = null;
        older["IsClosed"] = false;
        older["Responsible"] = "someone-else";

        var back = CaseStateJson.Deserialize(older.ToJsonString());

        Assert.Null(back.Handler);
        Assert.False(back.IsClosed);
        Assert.Equal(state.FirstInquiryOwner, back.Responsible);
        Assert.Equal(CaseStateJson.Serialize(state), CaseStateJson.Serialize(back));
    }
}
