using System.Globalization;
using System.Text;
using Dapper;
using MiniExcelLibs;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Tests.Satisfaction;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Accountability;

[Collection(StoreDatabaseCollection.Name)]
public sealed class RegisterExportTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private RegisterExport Export => new(database.DataSource, Shanghai);

    /// Five findings, two of them just outside 2026 in Shanghai (one inside it in UTC), and three sanctions.
    private async Task SetUpRegisterAsync()
    {
        await new SatisfactionOffice(database.DataSource).SetUpAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into findings (id, kind, window_id, responsible_staff_id, reason, status, opened_at, statement, statement_at, decided_at, decided_by) values
                (gen_random_uuid(), 'inaction', null, 'clerk-2', 'untouched for 3 working days', 'open', '2026-03-02 09:00+08', null, null, null, null),
                (gen_random_uuid(), 'slow_action', null, 'clerk-1', '+2 working days overdue', 'confirmed', '2026-06-10 10:00+08', 'busy', '2026-06-11 10:00+08', '2026-06-20 15:00+08', 'eff-1'),
                (gen_random_uuid(), 'interview', 'w1', 'chief-1', 'window ranked last in 2026-09 and 2026-10', 'open', '2026-11-01 03:00+08', null, null, null, null),
                (gen_random_uuid(), 'inaction', null, 'clerk-1', 'new year', 'open', '2027-01-01 00:30+08', null, null, null, null),
                (gen_random_uuid(), 'inaction', null, 'clerk-2', 'old year', 'open', '2025-12-31 23:30+08', null, null, null, null);
            insert into complaints (id, against_staff_id, received_at, verified, decided_at) values
                ('00000000-0000-0000-0000-000000000001', 'clerk-2', '2026-03-25 10:00+08', true, '2026-04-01 10:00+08'),
                ('00000000-0000-0000-0000-000000000002', 'clerk-2', '2026-08-25 10:00+08', true, '2026-09-01 10:00+08'),
                ('00000000-0000-0000-0000-000000000003', 'clerk-1', '2025-05-25 10:00+08', true, '2025-06-01 10:00+08');
            insert into sanctions (complaint_id, staff_id, year, rung, sanction, recorded_at) values
                ('00000000-0000-0000-0000-000000000002', 'clerk-2', 2026, 2, 'circulated_criticism', '2026-09-01 10:05+08'),
                ('00000000-0000-0000-0000-000000000001', 'clerk-2', 2026, 1, 'admonishment', '2026-04-01 10:05+08'),
                ('00000000-0000-0000-0000-000000000003', 'clerk-1', 2025, 1, 'admonishment', '2025-06-01 10:05+08');
            """);
    }

    private static async Task<string> CsvAsync(RegisterTable table, string culture)
    {
        using var buffer = new MemoryStream();
        await RegisterExport.WriteAsync(table, RegisterFormat.Csv, buffer, CultureInfo.GetCultureInfo(culture));
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public async Task WriteAsync_ListsTheYearsFindingsByPersonWithMaskedNames_WhenWritingCsv()
    {
        await SetUpRegisterAsync();

        var csv = await CsvAsync(await Export.ReadAsync(RegisterKind.Findings, 2026), "zh-CN");

        Assert.Equal(
            """
            工号,姓名,窗口编号,窗口,登记时间,类别,状态,事由,受理编号,认定时间
            chief-1,赵*,w1,一号窗口,2026-11-01 03:00,约谈,待认定,window ranked last in 2026-09 and 2026-10,,
            clerk-1,王*,w1,一号窗口,2026-06-10 10:00,慢作为,已认定,'+2 working days overdue,,2026-06-20 15:00
            clerk-2,李*,w2,二号窗口,2026-03-02 09:00,不作为,待认定,untouched for 3 working days,,

            """.ReplaceLineEndings(Environment.NewLine), csv);
    }

    [Fact]
    public async Task WriteAsync_ListsTheYearsSanctionsInEnglish_WhenWritingXlsx()
    {
        await SetUpRegisterAsync();
        var table = await Export.ReadAsync(RegisterKind.Sanctions, 2026, CultureInfo.GetCultureInfo("en"));

        using var buffer = new MemoryStream();
        await RegisterExport.WriteAsync(table, RegisterFormat.Xlsx, buffer, CultureInfo.GetCultureInfo("en"));
        buffer.Position = 0;
        var rows = buffer.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => ($"{r["Staff id"]}", $"{r["Name"]}", $"{r["Window"]}", $"{r["Rung"]}", $"{r["Sanction"]}", $"{r["Complaint verified"]}"))
            .ToList();

        Assert.Equal(
        [
            ("clerk-2", "李*", "Window 2", "1", "Admonishment", "2026-04-01 10:00"),
            ("clerk-2", "李*", "Window 2", "2", "Circulated criticism", "2026-09-01 10:00"),
        ], rows);
    }

    [Theory]
    [InlineData("王芳", "王*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void MaskName_KeepsTheSurnameAlone_WhenMasking(string? name, string? expected)
    {
        Assert.Equal(expected, RegisterExport.MaskName(name));
    }
}
