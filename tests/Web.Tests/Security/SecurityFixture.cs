using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Configuration;

namespace ServiceWindow.Web.Tests.Security;

/// The web fixture over a database of its own and a copy of the workflows folder with one more
/// definition, <see cref="HostileDefinitionId"/>, whose every name is <see cref="HostileText.Script"/>:
/// the guide and the admin diagram print definition texts, and the shared fixture's catalogue must
/// stay as it is for the other page tests.
public sealed class SecurityFixture : WebFixture
{
    public const string HostileDefinitionId = "hostile-registration";

    private readonly string workflows;

    public SecurityFixture()
        : this(CopyWorkflowsWithHostileDefinition())
    {
    }

    private SecurityFixture(string workflows)
        : base("web_security_tests", new Dictionary<string, string> { ["ServiceWindow:WorkflowsPath"] = workflows })
    {
        this.workflows = workflows;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(workflows, recursive: true);
    }

    private static string CopyWorkflowsWithHostileDefinition()
    {
        var source = HostConfiguration.WorkflowsPath(new ConfigurationBuilder().Build());
        var target = Directory.CreateTempSubdirectory("servicewindow-security-workflows").FullName;
        foreach (var file in Directory.GetFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "marriage-registration.json")))!;
        definition["id"] = HostileDefinitionId;
        foreach (var named in Named(definition))
        {
            named["name"] = new JsonObject { ["zh"] = HostileText.Script, ["en"] = HostileText.Script };
        }
        definition["item"]!["legalBasis"] = HostileText.Script;
        File.WriteAllText(Path.Combine(target, HostileDefinitionId + ".json"), definition.ToJsonString());
        return target;
    }

    // The definition itself, its materials, stages and outcomes: everything that carries a name.
    private static IEnumerable<JsonNode> Named(JsonNode definition) =>
        new[] { definition }
            .Concat(definition["item"]!["materials"]!.AsArray()!)
            .Concat(definition["stages"]!.AsArray()!)
            .Concat(definition["outcomes"]!.AsArray()!)
            .Where(node => node?["name"] is not null)
            .Select(node => node!);
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityFixture>
{
    public const string Name = "web-security";
}
