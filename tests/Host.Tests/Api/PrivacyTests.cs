using System.Net;
using Dapper;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

/// ID numbers and phones: masked in lists and for readers who do not handle the case, in full on
/// the detail for those who do, and every full view recorded in the case's history.
[Collection(HostDatabase.Name)]
public sealed class PrivacyTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Detail_ShowsFullIdAndRecordsTheView_WhenReaderHandlesTheCase()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        session.Clock.Advance(TimeSpan.FromMinutes(5));

        var detail = await (await clerk.GetAsync($"/api/v1/cases/{opened.Id()}")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("110101199003071233", detail.GetProperty("applicant").Text("idNumber"));
        Assert.Equal("13812345678", detail.GetProperty("applicant").Text("phone"));
        Assert.Equal(1, detail.Version());
        var history = await (await clerk.GetAsync($"/api/v1/cases/{opened.Id()}/history")).ReadAsync(HttpStatusCode.OK);
        var view = history.EnumerateArray().Last();
        Assert.Equal("personal_data_viewed", view.Text("kind"));
        Assert.Equal("wang.fang", view.Text("actor"));
        Assert.Equal("2026-03-10T10:05:00+08:00", view.Text("at"));
    }

    [Fact]
    public async Task Detail_MasksPersonalDataAndRecordsNothing_WhenReaderOnlySupervises()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var entries = await HistoryLengthAsync(opened.Id());

        var detail = await (await (await session.SignedInAsync("zhou.qiang")).GetAsync($"/api/v1/cases/{opened.Id()}")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("110101********1233", detail.GetProperty("applicant").Text("idNumber"));
        Assert.Equal("138****5678", detail.GetProperty("applicant").Text("phone"));
        Assert.Equal(entries, await HistoryLengthAsync(opened.Id()));
    }

    [Fact]
    public async Task FullView_KeepsChainIntactAndNextActionWorking_WhenRecordedBetweenActions()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        await (await clerk.GetAsync($"/api/v1/cases/{opened.Id()}")).ReadAsync(HttpStatusCode.OK);
        await (await clerk.GetAsync($"/api/v1/cases/{opened.Id()}")).ReadAsync(HttpStatusCode.OK);

        // The views did not bump the version, so the version the clerk holds still takes the action.
        var registered = await (await clerk.ActAsync(opened.Id(), "register", 1, new { certificate_number = "J1" })).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(2, registered.Version());
        var verification = await new Persistence.History.HistoryVerifier(fixture.DataSource).VerifyAsync();
        Assert.Empty(verification.Broken);
        var kinds = (await (await clerk.GetAsync($"/api/v1/cases/{opened.Id()}/history")).ReadAsync(HttpStatusCode.OK))
            .EnumerateArray().Select(e => e.Text("kind")).ToList();
        Assert.Equal(2, kinds.Count(k => k == "personal_data_viewed"));
        Assert.NotEqual("personal_data_viewed", kinds[^1]);
    }

    [Fact]
    public async Task History_MasksPersonalInputs_InEntryPayloads()
    {
        await using var session = await ApiSession.StartAsync(fixture);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);

        var response = await clerk.GetAsync($"/api/v1/cases/{opened.Id()}/history");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("110101199003071233", text);
        Assert.DoesNotContain("13812345678", text);
        Assert.Contains("110101********1233", text);
    }

    private async Task<int> HistoryLengthAsync(Guid caseId)
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select count(*) from case_history where case_id = @caseId", new { caseId });
    }
}
