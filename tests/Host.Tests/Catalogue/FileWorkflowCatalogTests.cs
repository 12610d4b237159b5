using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Catalogue;

[Collection(HostDatabase.Name)]
public sealed class FileWorkflowCatalogTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture), IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("workflows-").FullName;

    [Fact]
    public async Task IncludePublished_KeepsTheVersionRunningCasesStartedOn_WhenTheFileMovedToANewVersion()
    {
        var shipped = WorkflowsFolder();
        var v1 = File.ReadAllText(Path.Combine(shipped, "marriage-registration.json"));
        Directory.CreateDirectory(Path.Combine(folder, "calendars"));
        File.Copy(Path.Combine(shipped, "calendars", "cn-mainland.json"), Path.Combine(folder, "calendars", "cn-mainland.json"));
        File.WriteAllText(Path.Combine(folder, "marriage-registration.json"), v1);
        var versions = new DefinitionVersions(fixture.DataSource);
        await versions.PublishAsync(Catalog().FileDefinitions);

        File.WriteAllText(Path.Combine(folder, "marriage-registration.json"), v1.Replace("\"version\": 1", "\"version\": 2"));
        var catalog = Catalog();
        await versions.PublishAsync(catalog.FileDefinitions);
        catalog.IncludePublished(await versions.AllAsync());

        Assert.Equal(2, catalog.Latest("marriage-registration").Version);
        Assert.Equal(1, catalog.Definition("marriage-registration", 1).Version);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private FileWorkflowCatalog Catalog() => new(new ConfigurationBuilder()
        .AddInMemoryCollection([new("ServiceWindow:WorkflowsPath", folder)])
        .Build());

    private static string WorkflowsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(candidate, "marriage-registration.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("workflows/ not found above the test output");
    }
}
