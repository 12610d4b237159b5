using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Engine;

public sealed class CaseStateJsonTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Deserialize_RestoresEveryField_WhenStateHasClockTimersSupplementsAndExtension()
    {
        var driver = CaseDriver.For("minimum-living-allowance", "2025-03-03T09:30:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"));
        driver.Do("accept", Staff.Clerk, ("handler", Staff.Handler.Id));
        driver.Do("request_supplement", Staff.Handler, ("materials", "id_cards"));
        driver.Clock.Advance(TimeSpan.FromDays(2));
        driver.Do("materials_received", Staff.Clerk);
        driver.AdvanceTo("2025-04-14T12:00:00+08:00");
        driver.Do("request_extension", Staff.Handler, ("extension", "10wd"), ("reason", "second visit needed"));
        var state = driver.State;
        Assert.NotEmpty(state.FiredEscalations);
        Assert.NotNull(state.Data.PendingExtension);

        var json = JsonSerializer.Serialize(state, Options);
        var back = JsonSerializer.Deserialize<CaseState>(json, Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, Options));
        Assert.Equal(state.Clock, back.Clock);
        Assert.Equal(state.Timers, back.Timers);
        Assert.Equal(state.FiredEscalations, back.FiredEscalations);
        Assert.Equal(state.Data.Supplements[0].Materials, back.Data.Supplements[0].Materials);
        Assert.Equal(state.Data.Inputs["applicant"], back.Data.Inputs["applicant"]);
        Assert.Equal(state with { Timers = back.Timers, FiredEscalations = back.FiredEscalations, FiredTimers = back.FiredTimers, Data = back.Data }, back);
    }

    [Fact]
    public void Deserialize_LetsTheEngineContinue_WhenStateCameFromJson()
    {
        var driver = CaseDriver.For("minimum-living-allowance", "2025-03-03T09:30:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"));
        driver.Do("accept", Staff.Clerk, ("handler", Staff.Handler.Id));
        var back = JsonSerializer.Deserialize<CaseState>(JsonSerializer.Serialize(driver.State, Options), Options)!;
        var command = new CaseCommand("complete_investigation", Staff.Handler, back.Version, new Dictionary<string, string> { ["findings"] = "poor" });

        var result = new WorkflowEngine().Execute(driver.Definition, driver.Calendar, back, command, driver.Now.AddHours(1));

        Assert.Equal("township_review", result.State.Stage);
        Assert.Equal(back.HistoryLength + 1, result.History[0].Sequence);
    }

    [Fact]
    public void Serialize_WritesHistoryEntriesWithTheirClock()
    {
        var driver = CaseDriver.For("marriage-registration", "2025-03-03T09:30:00+08:00");
        driver.Open("receive", Staff.Clerk, ("party_a", "A"), ("party_b", "B"));

        var json = JsonSerializer.Serialize(driver.History, Options);
        var back = JsonSerializer.Deserialize<List<HistoryEntry>>(json, Options)!;

        Assert.Equal(driver.History[0].Clock, back[0].Clock);
        Assert.Equal(driver.History[0].Data, back[0].Data);
    }
}
