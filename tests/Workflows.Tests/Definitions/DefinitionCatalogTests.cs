using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Definitions;

public sealed class DefinitionCatalogTests
{
    [Fact]
    public void Parse_NamesBothFiles_WhenIdAndVersionRepeat()
    {
        var text = WorkflowFiles.Read("marriage-registration.json");

        var result = DefinitionCatalog.Parse([("a.json", text), ("b.json", text)]);

        Assert.Null(result.Catalog);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("b.json", problem.File);
        Assert.Equal("$.version", problem.Path);
        Assert.Contains("duplicate definition 'marriage-registration' version 1 (also in a.json)", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Latest_ReturnsTheNewVersion_WhileGetStillFindsTheOldOne()
    {
        var text = WorkflowFiles.Read("marriage-registration.json");
        var v2 = text.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal);

        var catalog = DefinitionCatalog.Load([("v1.json", text), ("v2.json", v2)]);

        Assert.Equal(2, catalog.Latest("marriage-registration").Version);
        Assert.Equal(1, catalog.Get("marriage-registration", 1).Version);
        Assert.Throws<KeyNotFoundException>(() => catalog.Get("marriage-registration", 3));
    }

    [Fact]
    public void Load_AcceptsEveryShippedFile()
    {
        var catalog = DefinitionCatalog.Load(WorkflowFiles.DefinitionFiles.Select(f => (f, WorkflowFiles.Read(f))));

        Assert.Equal(9, catalog.All.Count());
    }
}
