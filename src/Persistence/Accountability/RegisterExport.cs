using System.Globalization;
using System.Resources;
using System.Text;
using Dapper;
using MiniExcelLibs;
using Npgsql;

namespace ServiceWindow.Persistence.Accountability;

/// The accountability register of a calendar year (in the office's zone) for the efficiency office:
/// findings, or the sanctions of verified complaints (read from the complaint cases' verifications,
/// as the engine decided them), by person and window, as CSV or an XLSX workbook (through MiniExcel). A register circulates beyond the office, so a person shows by staff id and a
/// masked name (the surname only), and nothing about applicants, statements or phones goes in.
public sealed class RegisterExport(NpgsqlDataSource dataSource, TimeZoneInfo zone)
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Persistence.Accountability.RegisterTexts", typeof(RegisterExport).Assembly);

    public static IReadOnlyList<string> FindingColumns { get; } =
        ["staffId", "staffName", "windowId", "windowName", "openedAt", "kind", "status", "reason", "receiptNumber", "decidedAt"];

    public static IReadOnlyList<string> SanctionColumns { get; } =
        ["staffId", "staffName", "windowId", "windowName", "year", "rung", "sanction", "verifiedAt", "status", "complaintId"];

    // Columns holding a stored code, shown by their text in the reader's language.
    private static readonly HashSet<string> CodeColumns = new(["kind", "status", "sanction"], StringComparer.Ordinal);

    /// The year's rows; window names in English when <paramref name="culture"/> is English, else in Chinese.
    public async Task<RegisterTable> ReadAsync(RegisterKind kind, int year, CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        var english = culture?.TwoLetterISOLanguageName == "en";
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // The year as the office counts it: a complaint verified at 00:10 on 1 January in Shanghai is the new year's.
        var start = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
        var end = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
        if (kind == RegisterKind.Findings)
        {
            // A finding's window is the one it names, else its case's, else its person's.
            var findings = await connection.QueryAsync<(string StaffId, string? StaffName, string? WindowId, string? WindowName, DateTime OpenedAt,
                string Kind, string Status, string Reason, string? Receipt, DateTime? DecidedAt)>(new CommandDefinition(
                """
                select f.responsible_staff_id, s.display_name, w.id, case when @english then w.name_en else w.name_zh end, f.opened_at, f.kind, f.status, f.reason,
                       c.receipt_number, f.decided_at
                from findings f
                left join staff s on s.id = f.responsible_staff_id
                left join cases c on c.id = f.case_id
                left join windows w on w.id = coalesce(f.window_id, c.window_id, s.window_id)
                where f.opened_at >= @start and f.opened_at < @end
                order by f.responsible_staff_id collate "C", w.id collate "C", f.opened_at, f.id
                """, new { start, end, english }, cancellationToken: cancellationToken));
            return new RegisterTable(kind, year, FindingColumns, [.. findings.Select(f => (IReadOnlyList<object?>)
                [f.StaffId, MaskName(f.StaffName), f.WindowId, f.WindowName, Local(f.OpenedAt), f.Kind, f.Status, f.Reason, f.Receipt,
                 f.DecidedAt is { } d ? Local(d) : null])]);
        }
        // The rung and sanction are those the engine recorded at verification, never recounted here.
        var sanctions = await connection.QueryAsync<(string StaffId, string? StaffName, string? WindowId, string? WindowName, int Rung,
            string Sanction, DateTime VerifiedAt, string Status, Guid ComplaintId)>(new CommandDefinition(
            """
            select v.staff_id, s.display_name, w.id, case when @english then w.name_en else w.name_zh end, v.rung, v.sanction,
                   v.verified_at, v.finding_status, v.complaint_id
            from verified_complaints v
            left join staff s on s.id = v.staff_id
            left join windows w on w.id = s.window_id
            where v.verified_at >= @start and v.verified_at < @end
            order by v.staff_id collate "C", v.verified_at, v.complaint_id
            """, new { start, end, english }, cancellationToken: cancellationToken));
        return new RegisterTable(kind, year, SanctionColumns, [.. sanctions.Select(n => (IReadOnlyList<object?>)
            [n.StaffId, MaskName(n.StaffName), n.WindowId, n.WindowName, year, n.Rung, n.Sanction, Local(n.VerifiedAt), n.Status,
             n.ComplaintId.ToString()])]);
    }

    /// Writes the table with headers and codes in the culture's language (zh-CN unless asked in English).
    public static async Task WriteAsync(RegisterTable table, RegisterFormat format, Stream output, CultureInfo? culture = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        culture ??= CultureInfo.GetCultureInfo("zh-CN");
        var headers = table.Columns.Select(c => Text(c, culture)).ToList();
        var lines = table.Rows.Select(row => row.Select((value, i) =>
            CodeColumns.Contains(table.Columns[i]) && value is string code ? Text($"{table.Columns[i]}.{code}", culture) : value).ToList()).ToList();
        if (format == RegisterFormat.Xlsx)
        {
            var sheet = lines.Select(line => (IDictionary<string, object?>)headers.Select((h, i) => (h, line[i])).ToDictionary(c => c.h, c => c.Item2)).ToList();
            var name = Text(table.Kind == RegisterKind.Findings ? "sheet.findings" : "sheet.sanctions", culture);
            await MiniExcel.SaveAsAsync(output, sheet, sheetName: $"{name} {table.Year}", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
            return;
        }
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', headers.Select(Quote)));
        foreach (var line in lines)
        {
            text.AppendLine(string.Join(',', line.Select(v => Quote(v switch
            {
                null => "",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            }))));
        }
        await output.WriteAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString()), cancellationToken);
    }

    /// The surname alone: 王芳 → 王*, 欧阳娜娜 → 欧***.
    public static string? MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? name : name[..1] + new string('*', name.Length - 1);

    private string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // A leading = + - @ would make a spreadsheet evaluate a cell someone typed a reason into.
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Text(string key, CultureInfo culture) => Texts.GetString(key, culture) ?? key;
}
