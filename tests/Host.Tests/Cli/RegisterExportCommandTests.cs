using Dapper;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Cli;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Cli;

[Collection(HostDatabase.Name)]
public sealed class RegisterExportCommandTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Export_PrintsTheYearsSanctionsAsCsv_WhenNoFileIsNamed()
    {
        await fixture.LoadDemoOrganisationAsync();
        await using (var connection = await fixture.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                insert into complaints (id, against_staff_id, received_at, verified, decided_at) values
                    ('00000000-0000-0000-0000-000000000001', 'wang.fang', '2026-03-25 10:00+08', true, '2026-04-01 10:00+08');
                insert into sanctions (complaint_id, staff_id, year, rung, sanction, recorded_at) values
                    ('00000000-0000-0000-0000-000000000001', 'wang.fang', 2026, 1, 'admonishment', '2026-04-01 10:05+08');
                """);
        }

        var (exit, output, _) = await RunAsync("register", "export", "--kind", "sanctions", "--year", "2026");

        Assert.Equal(0, exit);
        Assert.Equal(
            """
            工号,姓名,窗口编号,窗口,年度,次数,处理,投诉查实时间,记录时间
            wang.fang,王*,marriage-1,婚姻登记1号窗口,2026,1,诫勉谈话,2026-04-01 10:00,2026-04-01 10:05

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
