using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Tests.Notifications;

/// The SMS platform's delivery callback through the real web app and database.
[Collection(HostDatabase.Name)]
public sealed class NotificationsApiTests(HostDatabaseFixture database) : IAsyncLifetime
{
    private const string Secret = "callback-test-secret-0123456789";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private const long NowSeconds = 1772413200;
    private static readonly Guid CaseId = Guid.Parse("0c9b8a7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    private ServiceWindowFactory factory = null!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        factory = new ServiceWindowFactory(database.ConnectionString,
            new Dictionary<string, string> { ["ServiceWindow:Notifications:Sms:Secret"] = Secret }, new FakeTimeProvider(Now));
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task PostDelivery_RecordsTheReportReadableByCase_WhenSignedByThePlatform()
    {
        var id = await AddMessageAsync();
        var body = $$"""{"messageId": {{id}}, "status": "delivered", "reportedAt": "2026-03-02T08:59:58+08:00", "detail": "DELIVRD"}""";

        var response = await PostAsync(id, body, Signed(NowSeconds, body));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var reports = factory.Services.GetRequiredService<DeliveryReports>();
        var listed = Assert.Single(await reports.ForCaseAsync(CaseId));
        Assert.Equal(new RecordedDelivery(id, CaseId, "13800000000", "case.accepted", DeliveryStatus.Delivered,
            new DateTimeOffset(2026, 3, 2, 0, 59, 58, TimeSpan.Zero), Now, "DELIVRD"), listed);
    }

    [Fact]
    public async Task PostDelivery_RecordsAFailure_WhenThePlatformGaveUp()
    {
        var id = await AddMessageAsync();
        var body = $$"""{"messageId": {{id}}, "status": "failed", "reportedAt": "2026-03-02T00:58:00Z", "detail": "UNDELIV: absent subscriber"}""";

        var response = await PostAsync(id, body, Signed(NowSeconds - 120, body));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var listed = Assert.Single(await factory.Services.GetRequiredService<DeliveryReports>().ForCaseAsync(CaseId));
        Assert.Equal((DeliveryStatus.Failed, "UNDELIV: absent subscriber"), (listed.Status, listed.Detail));
    }

    public static TheoryData<string, Func<string, long, (string?, string?)>> Forgeries => new()
    {
        { "signed with another secret", (body, _) => ($"{NowSeconds}", Sign("another-secret-0123456789", NowSeconds, body)) },
        { "signature of another body", (_, id) => ($"{NowSeconds}", Sign(Secret, NowSeconds, $$"""{"messageId": {{id}}, "status": "failed", "reportedAt": "2026-03-02T00:59:00Z"}""")) },
        { "timestamp changed after signing", (body, _) => ($"{NowSeconds + 1}", Sign(Secret, NowSeconds, body)) },
        { "stale timestamp (6 minutes old)", (body, _) => ($"{NowSeconds - 360}", Sign(Secret, NowSeconds - 360, body)) },
        { "no signature", (_, _) => ($"{NowSeconds}", null) },
        { "no timestamp", (body, _) => (null, Sign(Secret, NowSeconds, body)) },
        { "no headers at all", (_, _) => (null, null) },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task PostDelivery_Returns401AndRecordsNothing_WhenSignatureIsNotThePlatforms(string forgery, Func<string, long, (string?, string?)> headers)
    {
        var id = await AddMessageAsync();
        var body = $$"""{"messageId": {{id}}, "status": "delivered", "reportedAt": "2026-03-02T00:59:00Z"}""";

        var response = await PostAsync(id, body, headers(body, id));

        Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, forgery);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("签名无效", (await ProblemAsync(response)).GetProperty("title").GetString());
        Assert.Equal(0, await ReportCountAsync());
    }

    [Fact]
    public async Task PostDelivery_Returns401_WhenNoSecretIsConfigured()
    {
        await using var unconfigured = new ServiceWindowFactory(database.ConnectionString, clock: new FakeTimeProvider(Now));
        var id = await AddMessageAsync();
        var body = $$"""{"messageId": {{id}}, "status": "delivered", "reportedAt": "2026-03-02T00:59:00Z"}""";

        var response = await PostAsync(unconfigured.CreateClient(), id, body, Signed(NowSeconds, body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await ReportCountAsync());
    }

    [Fact]
    public async Task PostDelivery_Returns404_WhenMessageIsUnknown()
    {
        var id = await AddMessageAsync() + 1;
        var body = $$"""{"messageId": {{id}}, "status": "delivered", "reportedAt": "2026-03-02T00:59:00Z"}""";

        var response = await PostAsync(id, body, Signed(NowSeconds, body));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(($"没有编号为 {id} 的短信。", 404), (problem.GetProperty("detail").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.Equal(0, await ReportCountAsync());
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("not json", "$")]
    [InlineData("""[{"status": "delivered"}]""", "$")]
    [InlineData("""{"messageId": {id}, "status": "delivered", "reportedAt": "2026-03-02T00:59:00Z"} trailing""", "$")]
    [InlineData("""{"status": "delivered", "reportedAt": "2026-03-02T00:59:00Z"}""", "$.messageId")]
    [InlineData("""{"messageId": "{id}", "status": "delivered", "reportedAt": "2026-03-02T00:59:00Z"}""", "$.messageId")]
    [InlineData("""{"messageId": 999999, "status": "delivered", "reportedAt": "2026-03-02T00:59:00Z"}""", "$.messageId")] // another message's report
    [InlineData("""{"messageId": {id}, "reportedAt": "2026-03-02T00:59:00Z"}""", "$.status")]
    [InlineData("""{"messageId": {id}, "status": "DELIVRD", "reportedAt": "2026-03-02T00:59:00Z"}""", "$.status")]
    [InlineData("""{"messageId": {id}, "status": 1, "reportedAt": "2026-03-02T00:59:00Z"}""", "$.status")]
    [InlineData("""{"messageId": {id}, "status": "delivered"}""", "$.reportedAt")]
    [InlineData("""{"messageId": {id}, "status": "delivered", "reportedAt": "2026-03-02T08:59:00"}""", "$.reportedAt")] // no offset
    [InlineData("""{"messageId": {id}, "status": "delivered", "reportedAt": "2026-02-30T08:59:00+08:00"}""", "$.reportedAt")]
    [InlineData("""{"messageId": {id}, "status": "delivered", "reportedAt": 1772413140}""", "$.reportedAt")]
    [InlineData("""{"messageId": {id}, "status": "delivered", "reportedAt": "2026-03-02T00:59:00Z", "detail": 7}""", "$.detail")]
    [InlineData("""{"messageId": {id}, "status": "delivered", "reportedAt": "2026-03-02T00:59:00Z", "price": "0.05"}""", "$.price")]
    [InlineData("""{"messageId": {id}, "status": "failed", "status": "delivered", "reportedAt": "2026-03-02T00:59:00Z"}""", "$.status")]
    public async Task PostDelivery_Returns400NamingTheField_WhenBodyIsMalformed(string template, string path)
    {
        var id = await AddMessageAsync();
        var body = template.Replace("{id}", id.ToString());

        var response = await PostAsync(id, body, Signed(NowSeconds, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("送达回执格式错误", problem.GetProperty("title").GetString());
        Assert.Equal([path], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await ReportCountAsync());
    }

    [Fact]
    public async Task PostDelivery_Returns400_WhenDetailIsLongerThan500Characters()
    {
        var id = await AddMessageAsync();
        var body = $$"""{"messageId": {{id}}, "status": "failed", "reportedAt": "2026-03-02T00:59:00Z", "detail": "{{new string('x', 501)}}"}""";

        var response = await PostAsync(id, body, Signed(NowSeconds, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["$.detail"], (await ProblemAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task PostDelivery_AnswersInEnglish_WhenTheCallerAsksForIt()
    {
        var id = await AddMessageAsync();
        var body = $$"""{"messageId": {{id}}, "status": "sent", "reportedAt": "2026-03-02T00:59:00Z"}""";
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9,zh-CN;q=0.5");

        var response = await PostAsync(client, id, body, Signed(NowSeconds, body));

        var problem = await ProblemAsync(response);
        Assert.Equal("Malformed delivery report", problem.GetProperty("title").GetString());
        Assert.Equal("Must be delivered or failed.", problem.GetProperty("errors").GetProperty("$.status")[0].GetString());
    }

    [Fact]
    public async Task PostDelivery_Returns413AndRecordsNothing_WhenBodyIsOver16KiB()
    {
        var id = await AddMessageAsync();
        var body = $$"""{"messageId": {{id}}, "status": "failed", "reportedAt": "2026-03-02T00:59:00Z", "detail": "{{new string('x', 17_000)}}"}""";

        var response = await PostAsync(id, body, Signed(NowSeconds, body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await ReportCountAsync());
    }

    private static (string?, string?) Signed(long timestamp, string body) => ($"{timestamp}", Sign(Secret, timestamp, body));

    // Worked out with the BCL's HMAC directly, not through the application's signature type.
    private static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private Task<HttpResponseMessage> PostAsync(long id, string body, (string? Timestamp, string? Signature) headers) =>
        PostAsync(factory.CreateClient(), id, body, headers);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, long id, string body, (string? Timestamp, string? Signature) headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/notifications/{id}/delivery")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (headers.Timestamp is not null)
        {
            request.Headers.Add("X-ServiceWindow-Timestamp", headers.Timestamp);
        }
        if (headers.Signature is not null)
        {
            request.Headers.Add("X-ServiceWindow-Signature", headers.Signature);
        }
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<long> AddMessageAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            """
            insert into outbox (case_id, recipient, template, data, created_at, due_at, attempts, sent_at)
            values (@caseId, '13800000000', 'case.accepted', '{}', @sentAt, @sentAt, 1, @sentAt)
            returning id
            """, new { caseId = CaseId, sentAt = Now.AddMinutes(-2).UtcDateTime });
    }

    private async Task<int> ReportCountAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select count(*) from delivery_reports");
    }
}
