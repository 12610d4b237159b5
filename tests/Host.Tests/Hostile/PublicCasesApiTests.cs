using System.Net;
using System.Net.Http.Json;
using ServiceWindow.Host.Tests.Api;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Hostile;

/// The citizen's routes take input from anyone: receipt numbers, secrets and ratings that are
/// wrong, huge or hostile get a 4xx and write nothing.
[Collection(HostDatabase.Name)]
public sealed class PublicCasesApiTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private static readonly Dictionary<string, string> NoRateLimit = new() { ["ServiceWindow:Api:PublicRequestsPerMinute"] = "10000" };

    [Fact]
    public async Task Find_Returns4xx_WhenReceiptOrSecretIsHostile()
    {
        await using var session = await ApiSession.StartAsync(fixture, NoRateLimit);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        var receipt = opened.Text("receiptNumber");
        var before = await TableCounts.ReadAsync(fixture.DataSource);
        var citizen = session.Anonymous();

        // A NUL cannot even be sent in a path by the in-memory client; Kestrel refuses it with 400.
        foreach (var fragment in HostileInputs.Fragments.Where(f => !f.Contains('\0', StringComparison.Ordinal)))
        {
            var escaped = Uri.EscapeDataString(fragment);
            foreach (var path in new[] { $"/api/v1/public/cases/{escaped}?secret=x", $"/api/v1/public/cases/{receipt}?secret={escaped}" })
            {
                var response = await citizen.GetAsync(path);

                var status = (int)response.StatusCode;
                Assert.True(status is >= 400 and < 500, $"{HostileRequests.Shorten(path)}: got {status}");
                HostileRequests.AssertNothingInternal(await response.Content.ReadAsStringAsync(), path);
            }
        }
        var missing = await citizen.GetAsync($"/api/v1/public/cases/{receipt}");
        Assert.True((int)missing.StatusCode is >= 400 and < 500, $"no secret: got {(int)missing.StatusCode}");
        Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
    }

    public static TheoryData<string, string> BadRatings() => new()
    {
        { "huge score", """{"secret":"S","score":1e308}""" },
        { "score beyond an int", """{"secret":"S","score":99999999999}""" },
        { "score out of range", """{"secret":"S","score":6}""" },
        { "negative score", """{"secret":"S","score":-1}""" },
        { "comment as object", """{"secret":"S","score":5,"comment":{"a":1}}""" },
        { "unknown member", """{"secret":"S","score":5,"stars":5}""" },
        { "deep nesting", """{"secret":"S","score":5,"comment":""" + HostileInputs.Nested(5000) + "}" },
        { "wrong secret", """{"secret":"'; drop table ratings; --","score":5}""" },
        { "unclosed", """{"secret":"S","score":""" },
        { "NUL in the comment", """{"secret":"S","score":5,"comment":"ok\u0000"}""" },
        { "control character in the comment", """{"secret":"S","score":5,"comment":"\u001b[31m"}""" },
    };

    [Theory]
    [MemberData(nameof(BadRatings))]
    public async Task Rate_Returns4xxAndWritesNothing_WhenBodyIsHostile(string what, string body)
    {
        await using var session = await ApiSession.StartAsync(fixture, NoRateLimit);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        await (await clerk.ActAsync(opened.Id(), "register", opened.Version(), new { certificate_number = "J1" })).ReadAsync(HttpStatusCode.OK);
        var before = await TableCounts.ReadAsync(fixture.DataSource);

        var response = await session.Anonymous().PostRawAsync($"/api/v1/public/cases/{opened.Text("receiptNumber")}/rating",
            body.Replace("\"S\"", $"\"{opened.Text("lookupSecret")}\"", StringComparison.Ordinal));

        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{what}: got {status}");
        HostileRequests.AssertNothingInternal(await response.Content.ReadAsStringAsync(), what);
        Assert.Equal(before, await TableCounts.ReadAsync(fixture.DataSource));
    }

    [Fact]
    public async Task Rate_StoresScriptCommentAsText_WhenCommentHoldsMarkup()
    {
        await using var session = await ApiSession.StartAsync(fixture, NoRateLimit);
        var clerk = await session.SignedInAsync("wang.fang");
        var opened = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
        await (await clerk.ActAsync(opened.Id(), "register", opened.Version(), new { certificate_number = "J1" })).ReadAsync(HttpStatusCode.OK);

        var response = await session.Anonymous().PostAsJsonAsync($"/api/v1/public/cases/{opened.Text("receiptNumber")}/rating",
            new { secret = opened.Text("lookupSecret"), score = 4, comment = "<script>alert(1)</script>" });

        await response.ReadAsync(HttpStatusCode.NoContent);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "select count(*) from ratings where comment = '<script>alert(1)</script>'"));
    }
}
