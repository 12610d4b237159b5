using System.Net;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Api;

[Collection(HostDatabase.Name)]
public sealed class ApiSetupTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task OpenApi_DocumentsInquiryComplaintAndFindingRoutes_WithTheirMethods()
    {
        await using var session = await ApiSession.StartAsync(fixture);

        var document = await (await session.Anonymous().GetAsync("/openapi/v1.json")).ReadAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        var expected = new (string Path, string Method)[]
        {
            ("/api/v1/inquiries", "post"), ("/api/v1/inquiries/{id}", "get"), ("/api/v1/inquiries/referrals/pending", "get"),
            ("/api/v1/inquiries/{id}/answer", "post"), ("/api/v1/inquiries/{id}/referral", "post"), ("/api/v1/inquiries/{id}/acknowledgement", "post"),
            ("/api/v1/complaints", "post"), ("/api/v1/complaints", "get"), ("/api/v1/complaints/{id}", "get"),
            ("/api/v1/complaints/{id}/verification", "post"), ("/api/v1/findings", "get"), ("/api/v1/findings/{id}", "get"),
            ("/api/v1/findings/{id}/statement", "post"), ("/api/v1/findings/{id}/confirmation", "post"), ("/api/v1/findings/{id}/dismissal", "post"),
        };
        var missing = expected.Where(e => !paths.TryGetProperty(e.Path, out var item) || !item.TryGetProperty(e.Method, out _)).ToList();
        Assert.Empty(missing);
        var referral = paths.GetProperty("/api/v1/inquiries/{id}/referral").GetProperty("post");
        Assert.Contains(referral.GetProperty("parameters").EnumerateArray(), p => p.Text("name") == "If-Match" && p.Text("in") == "header");
    }
}
