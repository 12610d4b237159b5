using System.Text.Json.Nodes;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Definitions;

public sealed class DefinitionLoaderTests
{
    public static TheoryData<string> ShippedFiles => [.. WorkflowFiles.DefinitionFiles];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Parse_FindsNoProblem_WhenFileIsShipped(string file)
    {
        var result = DefinitionLoader.Parse(file, WorkflowFiles.Read(file));

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Definition!.Id);
    }

    [Fact]
    public void Load_ReadsTheItemFacts_WhenFileIsMinimumLivingAllowance()
    {
        var definition = WorkflowFiles.Load("minimum-living-allowance");

        Assert.Equal("30wd", definition.Item.StatutoryLimit.ToString());
        Assert.Equal("15wd", definition.Item.MaximumExtension.ToString());
        var notice = Assert.Single(definition.Item.SpecialStages);
        Assert.False(notice.Counts);
        Assert.Equal("7d", notice.Duration.ToString());
        Assert.Equal(ClockMode.Paused, definition.Stage("public_notice").Clock);
        Assert.Equal(4, definition.Escalation.Count);
        Assert.Equal("5wd", definition.Accountability.InactionAfter.ToString());
    }

    // Each row breaks one rule in a valid definition and names the path and words the problem must carry.
    public static TheoryData<string, Action<JsonObject>, string, string> BrokenDefinitions => new()
    {
        { "unknown stage target", d => Action(d, "investigation", 0)["target"] = "nowhere", "$.stages[1].actions[0].target", "unknown stage 'nowhere'" },
        { "unknown start target", d => d["start"]![0]!["target"] = "nowhere", "$.start[0].target", "unknown stage 'nowhere'" },
        { "unreachable stage", d => Stages(d).Add(Stage("orphan", "stopped", terminal: "approved")), "$.stages[11]", "unreachable" },
        { "no way out", d => Stages(d).Add(Stage("stuck", "running")), "$.stages[11]", "no way out" },
        { "promised above statutory", d => d["item"]!["promisedLimit"] = "31wd", "$.item.promisedLimit", "above the statutory limit 30wd" },
        { "units differ", d => d["item"]!["promisedLimit"] = "20d", "$.item.promisedLimit", "same unit" },
        { "timer with no target", d => NoTarget(StageNode(d, "public_notice")["timers"]![0]!.AsObject()), "$.stages[4].timers[0]", "has no target" },
        { "escalation names unknown role", d => d["escalation"]![1]!["notify"]![1] = "mayor", "$.escalation[1].notify[1]", "unknown role 'mayor'" },
        { "action names unknown role", d => Action(d, "received", 0)["roles"]![0] = "janitor", "$.stages[0].actions[0].roles", "unknown role 'janitor'" },
        { "duplicate stage id", d => StageNode(d, "approved")["id"] = "refused", "$.stages[8].id", "duplicate stage id 'refused'" },
        { "bad time limit", d => d["item"]!["statutoryLimit"] = "thirty days", "$.item.statutoryLimit", "not a time limit" },
        { "unknown property", d => d["stagez"] = new JsonArray(), "$.stagez", "unknown property 'stagez'" },
        { "unknown clock mode", d => StageNode(d, "received")["clock"] = "ticking", "$.stages[0].clock", "'ticking' is not one of: stopped, running, paused" },
        { "special stage clock mismatch", d => StageNode(d, "public_notice")["clock"] = "running", "$.stages[4].clock", "must be 'paused'" },
        { "supplement into running stage", d => Action(d, "investigation", 1)["target"] = "township_review", "$.stages[1].actions[1].target", "'paused'" },
        { "supplement without materials input", d => Action(d, "investigation", 1)["inputs"] = new JsonArray(), "$.stages[1].actions[1].inputs", "needs the input 'materials'" },
        { "verified-complaints count asked as an input", d => Action(d, "investigation", 0)["inputs"]!.AsArray().Add("prior_verified_complaints"), "$.stages[1].actions[0].inputs", "counted by the store" },
        { "unknown outcome", d => StageNode(d, "approved")["outcome"] = "granted", "$.stages[7].outcome", "unknown outcome 'granted'" },
        { "escalation out of order", d => d["escalation"]![2]!["level"] = 1, "$.escalation[2].level", "must be above the previous level" },
        { "missing required name", d => d.Remove("name"), "$.name", "is required" },
    };

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public void Parse_NamesFilePathAndProblem_WhenDefinitionIsBroken(string edge, Action<JsonObject> breakIt, string path, string problem)
    {
        var node = JsonNode.Parse(WorkflowFiles.Read("minimum-living-allowance.json"))!.AsObject();
        breakIt(node);

        var result = DefinitionLoader.Parse("broken.json", node.ToJsonString());

        Assert.False(result.IsValid, edge);
        Assert.Contains(result.Problems, p => p.File == "broken.json" && p.Path == path && p.Problem.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ThrowsWithEveryProblem_WhenSeveralRulesAreBroken()
    {
        var node = JsonNode.Parse(WorkflowFiles.Read("minimum-living-allowance.json"))!.AsObject();
        node["item"]!["promisedLimit"] = "40wd";
        Action(node, "received", 0)["roles"]![0] = "janitor";

        var error = Assert.Throws<InvalidDefinitionException>(() => DefinitionLoader.Load("two.json", node.ToJsonString()));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("two.json: $.item.promisedLimit:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsTheLine_WhenTextIsNotJson()
    {
        var result = DefinitionLoader.Parse("bad.json", "{\n  \"id\": \"x\",\n  oops\n}");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("line 3", problem.Path);
        Assert.Contains("not valid JSON", problem.Problem, StringComparison.Ordinal);
    }

    private static void NoTarget(JsonObject timer)
    {
        timer.Remove("target");
        timer.Remove("notify");
    }

    private static JsonArray Stages(JsonObject definition) => definition["stages"]!.AsArray();

    private static JsonObject StageNode(JsonObject definition, string id) =>
        Stages(definition).Select(s => s!.AsObject()).Single(s => (string?)s["id"] == id);

    private static JsonObject Action(JsonObject definition, string stage, int index) =>
        StageNode(definition, stage)["actions"]![index]!.AsObject();

    private static JsonObject Stage(string id, string clock, string? terminal = null)
    {
        var stage = new JsonObject
        {
            ["id"] = id,
            ["name"] = new JsonObject { ["zh"] = id, ["en"] = id },
            ["clock"] = clock,
        };
        if (terminal is not null)
        {
            stage["outcome"] = terminal;
        }
        return stage;
    }
}
