using System.Globalization;
using System.Text;
using Dapper;
using MiniExcelLibs;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Persistence.Tests.Satisfaction;
using ServiceWindow.Persistence.Tests.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Tests.Accountability;

[Collection(StoreDatabaseCollection.Name)]
public sealed class RegisterExportTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private RegisterExport Export => new(database.DataSource, Shanghai);

    private static readonly Actor Officer = Actor.Staff("eff-1", "efficiency_office");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8)));

    private CaseCommands Commands => new(new CaseStore(database.DataSource), StatisticsCatalog.Instance, new WorkflowEngine(), clock);

    /// Five findings, two of them just outside 2026 in Shanghai (one inside it in UTC).
    private async Task SetUpFindingsAsync()
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
            """);
    }

    /// A complaint about w2 lodged by the efficiency office and assigned to it, on the clock's time (Shanghai).
    private async Task<Guid> LodgeAsync(string at)
    {
        var id = Guid.NewGuid();
        clock.SetUtcNow(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));
        await Commands.OpenAsync(StatisticsCatalog.Complaint, id, SatisfactionOffice.Command("lodge", Officer, 0,
            ("complainant", "张伟"), ("about", "rude at the counter"), ("window", "w2")));
        await ActAsync(id, at, "assign", ("handler", "eff-1"));
        return id;
    }

    private async Task ActAsync(Guid id, string at, string action, params (string Name, string Value)[] inputs)
    {
        clock.SetUtcNow(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));
        var stored = await new CaseStore(database.DataSource).LoadAsync(id);
        await Commands.ExecuteAsync(id, SatisfactionOffice.Command(action, Officer, stored.Version, inputs));
    }

    private Task VerifyAsync(Guid id, string at, string against) =>
        ActAsync(id, at, "verify", ("against", against), ("summary", "seen on the recording"));

    /// The rung the engine recorded on the complaint when it verified it.
    private async Task<int?> RecordedRungAsync(Guid id) =>
        (await new ComplaintQueries(database.DataSource).FindAsync(id, CaseScope.All("eff-1")))!.VerifiedCount;

    private static async Task<string> CsvAsync(RegisterTable table, string culture)
    {
        using var buffer = new MemoryStream();
        await RegisterExport.WriteAsync(table, RegisterFormat.Csv, buffer, CultureInfo.GetCultureInfo(culture));
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public async Task WriteAsync_ListsTheYearsFindingsByPersonWithMaskedNames_WhenWritingCsv()
    {
        await SetUpFindingsAsync();

        var csv = await CsvAsync(await Export.ReadAsync(RegisterKind.Findings, 2026), "zh-CN");

        Assert.Equal(
            """
            工号,姓名,窗口编号,窗口,登记时间,类别,状态,事由,受理编号,认定时间
            chief-1,赵*,w1,一号窗口,2026-11-01 03:00,约谈,待认定,window ranked last in 2026-09 and 2026-10,,
            clerk-1,王*,w1,一号窗口,2026-06-10 10:00,慢作为,已认定,'+2 working days overdue,,2026-06-20 15:00
            clerk-2,李*,w2,二号窗口,2026-03-02 09:00,不作为,待认定,untouched for 3 working days,,

            """.ReplaceLineEndings(Environment.NewLine), csv);
    }

    /// clerk-2 (李强) has complaints verified on 2026-03-02, 2026-12-31 23:50 and 2027-01-01 00:10 Shanghai time
    /// (16:10 on 31 December in UTC): rungs 1 and 2 of 2026, then rung 1 of 2027. clerk-1 (王芳) has one on
    /// 2026-07-01. A complaint against clerk-2 still being verified, and one dismissed as unfounded, are no sanction.
    [Fact]
    public async Task WriteAsync_StartsTheLadderAgainAsTheEngineDid_WhenTheYearTurnsInShanghai()
    {
        await new SatisfactionOffice(database.DataSource).SetUpAsync();
        var march = await LodgeAsync("2026-03-02T09:00:00+08:00");
        await VerifyAsync(march, "2026-03-02T10:00:00+08:00", "clerk-2");
        var pending = await LodgeAsync("2026-06-01T09:00:00+08:00");
        var unfounded = await LodgeAsync("2026-06-02T09:00:00+08:00");
        await ActAsync(unfounded, "2026-06-03T09:00:00+08:00", "dismiss", ("reason", "the counter was closed that day"));
        var july = await LodgeAsync("2026-07-01T09:00:00+08:00");
        await VerifyAsync(july, "2026-07-01T10:00:00+08:00", "clerk-1");
        var lastEvening = await LodgeAsync("2026-12-31T22:00:00+08:00");
        var newYear = await LodgeAsync("2026-12-31T22:30:00+08:00");
        await VerifyAsync(lastEvening, "2026-12-31T23:50:00+08:00", "clerk-2");
        await VerifyAsync(newYear, "2027-01-01T00:10:00+08:00", "clerk-2");

        var csv2026 = await CsvAsync(await Export.ReadAsync(RegisterKind.Sanctions, 2026), "zh-CN");
        var csv2027 = await CsvAsync(await Export.ReadAsync(RegisterKind.Sanctions, 2027), "zh-CN");

        Assert.Equal([1, 1, 2, 1], [await RecordedRungAsync(march), await RecordedRungAsync(july),
            await RecordedRungAsync(lastEvening), await RecordedRungAsync(newYear)]);
        Assert.Equal(
            $"""
            工号,姓名,窗口编号,窗口,年度,次数,处理,投诉查实时间,状态,投诉编号
            clerk-1,王*,w1,一号窗口,2026,1,诫勉谈话,2026-07-01 10:00,待认定,{july}
            clerk-2,李*,w2,二号窗口,2026,1,诫勉谈话,2026-03-02 10:00,待认定,{march}
            clerk-2,李*,w2,二号窗口,2026,2,通报批评,2026-12-31 23:50,待认定,{lastEvening}

            """.ReplaceLineEndings(Environment.NewLine), csv2026);
        Assert.Equal(
            $"""
            工号,姓名,窗口编号,窗口,年度,次数,处理,投诉查实时间,状态,投诉编号
            clerk-2,李*,w2,二号窗口,2027,1,诫勉谈话,2027-01-01 00:10,待认定,{newYear}

            """.ReplaceLineEndings(Environment.NewLine), csv2027);
        Assert.DoesNotContain(pending.ToString(), csv2026, StringComparison.Ordinal);
        Assert.DoesNotContain(unfounded.ToString(), csv2026, StringComparison.Ordinal);
    }

    /// clerk-2's complaint verified on 04-01 is admonishment; its finding is dismissed after their statement,
    /// so it no longer stands: the one verified on 09-01 is a first again, and the register lists that alone.
    [Fact]
    public async Task ReadAsync_LeavesOutTheComplaint_WhenItsFindingWasDismissed()
    {
        await new SatisfactionOffice(database.DataSource).SetUpAsync();
        var april = await LodgeAsync("2026-04-01T09:00:00+08:00");
        await VerifyAsync(april, "2026-04-01T10:00:00+08:00", "clerk-2");
        var findings = new FindingRegister(database.DataSource, clock);
        var finding = Assert.Single(await findings.ListAsync("clerk-2", null));
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        await findings.StateAsync(finding.Id, "clerk-2", "the complainant arrived after closing");
        await findings.DismissAsync(finding.Id, "eff-1");
        var september = await LodgeAsync("2026-09-01T09:00:00+08:00");
        await VerifyAsync(september, "2026-09-01T10:00:00+08:00", "clerk-2");

        var table = await Export.ReadAsync(RegisterKind.Sanctions, 2026);

        Assert.Equal(1, await RecordedRungAsync(september));
        var row = Assert.Single(table.Rows);
        Assert.Equal(("clerk-2", 1, "Admonishment", september.ToString()), ((string)row[0]!, (int)row[5]!, (string)row[6]!, (string)row[9]!));
    }

    [Fact]
    public async Task WriteAsync_ListsTheYearsSanctionsInEnglish_WhenWritingXlsx()
    {
        await new SatisfactionOffice(database.DataSource).SetUpAsync();
        var april = await LodgeAsync("2026-04-01T09:00:00+08:00");
        await VerifyAsync(april, "2026-04-01T10:00:00+08:00", "clerk-2");
        var september = await LodgeAsync("2026-09-01T09:00:00+08:00");
        await VerifyAsync(september, "2026-09-01T10:00:00+08:00", "clerk-2");
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
