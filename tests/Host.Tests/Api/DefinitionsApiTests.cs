using System.Net;
using System.Text;
using Dapper;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class DefinitionsApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture), IDisposable
{
    private readonly ScratchWorkflows workflows = new();

    public void Dispose() => workflows.Dispose();

    private string AllowanceFile => Path.Combine(workflows.Path, "minimum-living-allowance.json");

    // The shipped allowance definition as version 2, with its English name changed.
    private string AllowanceVersion2() => File.ReadAllText(AllowanceFile)
        .Replace("\"version\": 1,", "\"version\": 2,", StringComparison.Ordinal)
        .Replace("\"en\": \"Minimum living allowance\"", "\"en\": \"Minimum living allowance (2027)\"", StringComparison.Ordinal);

    [Fact]
    public async Task List_NamesEveryItemWithItsPublishedVersions()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var clerk = await session.SignedInAsync("zhang.wei", "en");

        var list = await (await clerk.GetAsync("/api/v1/definitions")).ReadAsync(HttpStatusCode.OK);

        var allowance = list.EnumerateArray().Single(d => d.Text("id") == "minimum-living-allowance");
        Assert.Equal("Minimum living allowance", allowance.Text("name"));
        Assert.Equal(1, allowance.GetProperty("latestVersion").GetInt32());
        Assert.Equal([1], allowance.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(9, list.GetArrayLength());
    }

    [Fact]
    public async Task Validate_NamesTheProblemsPathAndLine_WhenAPropertyIsUnknown()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var admin = await session.SignedInAsync("admin", "en");
        // Line 1 is "{", so the inserted property is on line 2.
        var text = "{\n  \"colour\": \"red\"," + AllowanceVersion2()[1..];

        var answer = await (await admin.PostAsync("/api/v1/definitions/validate", Json(text))).ReadAsync(HttpStatusCode.OK);

        Assert.False(answer.GetProperty("valid").GetBoolean());
        var problem = Assert.Single(answer.GetProperty("problems").EnumerateArray());
        Assert.Equal("$.colour", problem.Text("path"));
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.Contains("unknown property 'colour'", problem.Text("problem"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RefusesTheVersionNumber_WhenItIsNotNew()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var admin = await session.SignedInAsync("admin");

        var answer = await (await admin.PostAsync("/api/v1/definitions/validate", Json(File.ReadAllText(AllowanceFile)))).ReadAsync(HttpStatusCode.OK);

        var problem = Assert.Single(answer.GetProperty("problems").EnumerateArray());
        Assert.Equal("$.version", problem.Text("path"));
        // `"version": 1,` is line 4 of the shipped file.
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
        Assert.Contains("publish it as version 2", problem.Text("problem"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SaysValid_WhenTheVersionIsNewAndSound()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var admin = await session.SignedInAsync("admin");

        var answer = await (await admin.PostAsync("/api/v1/definitions/validate", Json(AllowanceVersion2()))).ReadAsync(HttpStatusCode.OK);

        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(2, answer.GetProperty("version").GetInt32());
        Assert.Equal(0, answer.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task Publish_StartsNewCasesOnTheNewVersion_AndKeepsTheRunningCaseOnItsOwn()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var clerk = await session.SignedInAsync("zhang.wei");
        var admin = await session.SignedInAsync("admin");
        var running = await (await clerk.OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);

        var response = await admin.PostAsync("/api/v1/definitions", Json(AllowanceVersion2()));

        await response.ReadAsync(HttpStatusCode.Created);
        Assert.Equal("/api/v1/definitions/minimum-living-allowance?version=2", response.Headers.Location!.OriginalString);
        var opened = await (await clerk.OpenAsync(ApiSession.AllowanceIntake())).ReadAsync(HttpStatusCode.Created);
        var newCase = await (await clerk.GetAsync($"/api/v1/cases/{opened.Id()}")).ReadAsync(HttpStatusCode.OK);
        var oldCase = await (await clerk.GetAsync($"/api/v1/cases/{running.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2, newCase.GetProperty("definitionVersion").GetInt32());
        Assert.Equal(1, oldCase.GetProperty("definitionVersion").GetInt32());
        var read = await (await admin.GetAsync("/api/v1/definitions/minimum-living-allowance")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2, read.GetProperty("version").GetInt32());
        Assert.Equal("admin", read.GetProperty("versions")[0].Text("publishedBy"));
        Assert.Equal(2, read.GetProperty("definition").GetProperty("version").GetInt32());
        var first = await (await admin.GetAsync("/api/v1/definitions/minimum-living-allowance?version=1")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("Minimum living allowance", first.GetProperty("definition").GetProperty("name").Text("en"));
        Assert.Contains("\"version\": 2,", await File.ReadAllTextAsync(AllowanceFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Refuses422_AndStoresNothing_WhenTheVersionHasProblems()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var admin = await session.SignedInAsync("admin", "en");
        var before = await File.ReadAllTextAsync(AllowanceFile);

        var response = await admin.PostAsync("/api/v1/definitions", Json(AllowanceVersion2().Replace("\"30wd\"", "\"thirty days\"", StringComparison.Ordinal)));

        var problem = await response.ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.GetProperty("problems").EnumerateArray(), p => p.Text("path") == "$.item.statutoryLimit" && p.GetProperty("line").GetInt32() == 8);
        Assert.Equal(before, await File.ReadAllTextAsync(AllowanceFile));
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from workflow_definitions where version > 1"));
    }

    [Fact]
    public async Task Read_Answers404_WhenTheItemOrVersionIsUnknown()
    {
        await using var session = await ApiSession.StartAsync(fixture, workflows.Settings);
        var clerk = await session.SignedInAsync("zhang.wei");

        await (await clerk.GetAsync("/api/v1/definitions/no-such-item")).ReadAsync(HttpStatusCode.NotFound);
        await (await clerk.GetAsync("/api/v1/definitions/minimum-living-allowance?version=7")).ReadAsync(HttpStatusCode.NotFound);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
