using System.Net;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Cli;
using ServiceWindow.Host.Tests.Api;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Cli;

[Collection(HostDatabase.Name)]
public sealed class RegisterExportCommandTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Export_PrintsTheYearsSanctionsAsCsv_WhenNoFileIsNamed()
    {
        Guid complaint;
        await using (var session = await ApiSession.StartAsync(fixture))
        {
            var clerk = await session.SignedInAsync("wang.fang");
            var subject = await (await clerk.OpenAsync(ApiSession.MarriageIntake())).ReadAsync(HttpStatusCode.Created);
            complaint = (await ComplaintsApiTests.VerifiedAsync(session, subject.Id(), "wang.fang")).Id();
        }

        var (exit, output, _) = await RunAsync("register", "export", "--kind", "sanctions", "--year", "2026");

        Assert.Equal(0, exit);
        Assert.Equal(
            $"""
            工号,姓名,窗口编号,窗口,年度,次数,处理,投诉查实时间,状态,投诉编号
            wang.fang,王*,marriage-1,婚姻登记1号窗口,2026,1,诫勉谈话,2026-03-10 10:00,待认定,{complaint}

            """.ReplaceLineEndings(Environment.NewLine), output);
    }

    [Fact]
    public async Task Export_WritesAWorkbook_WhenXlsxGoesToAFile()
    {
        await fixture.LoadDemoOrganisationAsync();
        var path = Path.Combine(Path.GetTempPath(), $"findings-{Guid.NewGuid():N}.xlsx");
        try
        {
            var (exit, output, _) = await RunAsync("register", "export", "--kind", "findings", "--year", "2026", "--format", "xlsx", "--out", path);

            Assert.Equal(0, exit);
            Assert.Equal($"findings 2026: 0 rows written to {path}", output.Trim());
            Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(path))[..2]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Export_ExitsTwo_WhenXlsxHasNoFile()
    {
        var (exit, _, error) = await RunAsync("register", "export", "--kind", "findings", "--year", "2026", "--format", "xlsx");

        Assert.Equal(2, exit);
        Assert.Contains("name the file with --out", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:ServiceWindow", fixture.ConnectionString)])
            .Build();
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliDispatcher.TryRunAsync(args, output, error, configuration);
        return (exit ?? -1, output.ToString(), error.ToString());
    }
}
