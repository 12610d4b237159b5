using Dapper;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Outbox;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Outbox;

[Collection(StoreDatabaseCollection.Name)]
public sealed class DeliveryReportsTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly DateTimeOffset Received = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    private readonly CaseStore store = new(database.DataSource);
    private readonly FakeTimeProvider clock = new(Received);

    private DeliveryReports Reports => new(database.DataSource, clock);

    [Fact]
    public async Task RecordAsync_IsListedForItsCase_WhenMessageExists()
    {
        var (caseId, messages) = await OpenCaseNotifying("case.accepted", "case.supplement");
        var deliveredAt = new DateTimeOffset(2025, 3, 3, 9, 1, 30, TimeSpan.FromHours(8));

        var outcome = await Reports.RecordAsync(messages[1], new DeliveryReport(DeliveryStatus.Failed, deliveredAt, "UNDELIV 0x0B"));

        Assert.Equal(DeliveryRecording.Recorded, outcome);
        var listed = Assert.Single(await Reports.ForCaseAsync(caseId));
        Assert.Equal(new RecordedDelivery(messages[1], caseId, "13800000000", "case.supplement", DeliveryStatus.Failed,
            new DateTimeOffset(2025, 3, 3, 1, 1, 30, TimeSpan.Zero), Received, "UNDELIV 0x0B"), listed);
    }

    [Fact]
    public async Task RecordAsync_WritesNothing_WhenMessageIsUnknown()
    {
        var (_, messages) = await OpenCaseNotifying("case.accepted");

        var outcome = await Reports.RecordAsync(messages[0] + 1, new DeliveryReport(DeliveryStatus.Delivered, Received));

        Assert.Equal(DeliveryRecording.UnknownMessage, outcome);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from delivery_reports"));
    }

    [Fact]
    public async Task RecordAsync_KeepsTheLaterReport_WhenAnEarlierOneArrivesAfterIt()
    {
        var (caseId, messages) = await OpenCaseNotifying("case.accepted");
        var failedAt = Received.AddMinutes(-10);
        var deliveredAt = Received.AddMinutes(-5);

        var later = await Reports.RecordAsync(messages[0], new DeliveryReport(DeliveryStatus.Delivered, deliveredAt));
        var earlier = await Reports.RecordAsync(messages[0], new DeliveryReport(DeliveryStatus.Failed, failedAt, "retrying"));

        Assert.Equal((DeliveryRecording.Recorded, DeliveryRecording.Superseded), (later, earlier));
        var listed = Assert.Single(await Reports.ForCaseAsync(caseId));
        Assert.Equal((DeliveryStatus.Delivered, deliveredAt, (string?)null), (listed.Status, listed.ReportedAt, listed.Detail));
    }

    [Fact]
    public async Task RecordAsync_ReplacesTheReport_WhenTheSameReportRepeats()
    {
        var (caseId, messages) = await OpenCaseNotifying("case.accepted");
        var report = new DeliveryReport(DeliveryStatus.Delivered, Received.AddMinutes(-1));

        var first = await Reports.RecordAsync(messages[0], report);
        clock.Advance(TimeSpan.FromMinutes(3));
        var repeated = await Reports.RecordAsync(messages[0], report);

        Assert.Equal((DeliveryRecording.Recorded, DeliveryRecording.Recorded), (first, repeated));
        var listed = Assert.Single(await Reports.ForCaseAsync(caseId));
        Assert.Equal(Received.AddMinutes(3), listed.ReceivedAt);
    }

    [Fact]
    public async Task ForCaseAsync_ListsOnlyThatCase_InThePlatformsOrder()
    {
        var (caseId, messages) = await OpenCaseNotifying("case.accepted", "case.supplement", "case.completed");
        var (otherCase, otherMessages) = await OpenCaseNotifying("case.accepted");
        await Reports.RecordAsync(messages[0], new DeliveryReport(DeliveryStatus.Delivered, Received.AddMinutes(-2)));
        await Reports.RecordAsync(messages[2], new DeliveryReport(DeliveryStatus.Delivered, Received.AddMinutes(-9)));
        await Reports.RecordAsync(otherMessages[0], new DeliveryReport(DeliveryStatus.Delivered, Received.AddMinutes(-5)));

        var listed = await Reports.ForCaseAsync(caseId);

        Assert.Equal([messages[2], messages[0]], listed.Select(d => d.MessageId));
        Assert.Equal(otherMessages[0], Assert.Single(await Reports.ForCaseAsync(otherCase)).MessageId);
    }

    /// The new case's id and its messages' ids in the order of <paramref name="templates"/>.
    private async Task<(Guid CaseId, IReadOnlyList<long> Messages)> OpenCaseNotifying(params string[] templates)
    {
        var change = CaseChanges.NewCase(notifications: templates.Select(t => new NotificationRow("13800000000", t, "{}")).ToList());
        await store.CommitAsync(change);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var ids = (await connection.QueryAsync<(long Id, string Template)>("select id, template from outbox where case_id = @id",
            new { id = change.Case.Id })).ToDictionary(m => m.Template, m => m.Id);
        return (change.Case.Id, templates.Select(t => ids[t]).ToList());
    }
}
