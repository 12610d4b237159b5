using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Catalogue;

[Collection(StoreDatabaseCollection.Name)]
public sealed class DefinitionVersionsTests(StoreDatabase fixture) : CleanDatabaseTest(fixture)
{
    private const string Permit = """{ "id": "permit", "version": 1, "name": { "zh": "许可", "en": "Permit" } }""";

    [Fact]
    public async Task PublishAsync_PublishesEachVersionOnce_WhenCalledAgain()
    {
        var versions = new DefinitionVersions(fixture.DataSource);

        var first = await versions.PublishAsync([Definition(1, Permit)]);
        var second = await versions.PublishAsync([Definition(1, Permit), Definition(2, Permit.Replace("\"version\": 1", "\"version\": 2"))]);

        Assert.Equal(["permit@1"], first);
        Assert.Equal(["permit@2"], second);
        Assert.Equal([1, 2], (await versions.AllAsync()).Select(d => d.Version));
    }

    [Fact]
    public async Task ListAsync_ListsEachVersion_WithoutAPublisher_WhenTheLoginIsNoStaffMember()
    {
        var versions = new DefinitionVersions(fixture.DataSource);
        await versions.PublishAsync([Definition(1, Permit)]);

        await versions.PublishAsync([Definition(2, Permit.Replace("\"version\": 1", "\"version\": 2"))], publishedBy: "nobody");

        var listed = await versions.ListAsync();
        Assert.Equal([("permit", 1), ("permit", 2)], listed.Select(v => (v.Id, v.Version)));
        Assert.All(listed, v => Assert.Null(v.PublishedBy));
    }

    [Fact]
    public async Task PublishAsync_Refuses_WhenAPublishedVersionChanged()
    {
        var versions = new DefinitionVersions(fixture.DataSource);
        await versions.PublishAsync([Definition(1, Permit)]);

        var error = await Assert.ThrowsAsync<DefinitionVersionEditedException>(
            () => versions.PublishAsync([Definition(1, Permit.Replace("许可", "许可证"))]));

        Assert.Equal("permit", error.DefinitionId);
        Assert.Contains("permit.json", error.Message);
        Assert.DoesNotContain("许可证", (await versions.AllAsync()).Single().Json);
    }

    [Fact]
    public async Task PublishAsync_AcceptsFile_WhenOnlyLayoutChanged()
    {
        var versions = new DefinitionVersions(fixture.DataSource);
        await versions.PublishAsync([Definition(1, Permit)]);
        var reformatted = """
            {
              "name": { "en": "Permit", "zh": "许可" },
              "version": 1,
              "id": "permit"
            }
            """;

        var published = await versions.PublishAsync([Definition(1, reformatted)]);

        Assert.Empty(published);
    }

    private static PublishedDefinition Definition(int version, string json) => new("permit", version, json, "permit.json");
}
