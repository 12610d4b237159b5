using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Definitions;

/// The JSON Schema editors validate with must name the same values the loader accepts.
public sealed class WorkflowSchemaTests
{
    private static readonly JsonObject Schema =
        JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowFiles.Folder, "schema", "workflow.schema.json")))!.AsObject();

    private static IEnumerable<string> Enum(JsonNode node) => node["enum"]!.AsArray().Select(v => (string)v!);

    private static IEnumerable<string> Camel<T>()
        where T : struct, Enum => System.Enum.GetValues<T>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

    [Fact]
    public void Schema_ListsTheLoadersEnums()
    {
        var defs = Schema["$defs"]!;
        var stage = Schema["properties"]!["stages"]!["items"]!["properties"]!;

        Assert.Equal(Camel<FindingKind>(), Enum(defs["finding"]!));
        Assert.Equal(Camel<ActionKind>(), Enum(defs["action"]!["properties"]!["kind"]!));
        Assert.Equal(Camel<ClockMode>(), Enum(stage["clock"]!));
        Assert.Equal(Camel<TimerAnchor>(), Enum(stage["timers"]!["items"]!["properties"]!["from"]!));
        Assert.Equal(Camel<Sanction>(), Enum(Schema["properties"]!["accountability"]!["properties"]!["sanctions"]!["items"]!));
        Assert.Equal(Camel<ItemKind>(), Enum(Schema["properties"]!["item"]!["properties"]!["kind"]!));
        Assert.Equal(Roles.All.Order(), Enum(defs["role"]!).Order());
    }

    [Fact]
    public void Schema_NamesEveryTopLevelPropertyTheLoaderReads()
    {
        var properties = Schema["properties"]!.AsObject().Select(p => p.Key).Where(k => k is not "$schema" and not "note");

        Assert.Equal(["accountability", "escalation", "id", "item", "name", "outcomes", "stages", "start", "version", "warnings"], properties.Order());
    }
}
