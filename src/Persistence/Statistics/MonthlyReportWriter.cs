using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// Writes a monthly report as a text table, CSV, JSON or an XLSX workbook (through MiniExcel).
/// Every row carries the counts and the rates, so each rate can be checked against its two counts;
/// a closed month's adjusted row follows its frozen row. Headers are zh-CN unless asked in English;
/// JSON uses the field names (`completed`, `completedOnTime`, `onTimeRate`, ...) in any language.
public static class MonthlyReportWriter
{
    private static readonly ResourceManager Texts = new("ServiceWindow.Persistence.Statistics.StatisticsTexts", typeof(MonthlyReportWriter).Assembly);

    private static readonly string[] RateNames =
        ["overdue", "immediateShare", "onTimeRate", "earlyRate", "averageWorkingDaysUsed", "speedUp", "referralOnTimeRate", "satisfactionRate", "rectifiedOnTimeRate", "calledBackRate"];

    /// The column names in order: key, name, which figures, every count, the overdue sum and every rate, adjustments.
    public static IReadOnlyList<string> Columns { get; } = ["key", "name", "figures", .. MonthlyFigures.CountNames, .. RateNames, "adjustments"];

    public static async Task WriteAsync(MonthlyReport report, StatisticsFormat format, Stream output, CultureInfo? culture = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        culture ??= CultureInfo.GetCultureInfo("zh-CN");
        switch (format)
        {
            case StatisticsFormat.Json:
                await JsonSerializer.SerializeAsync(output, Json(report), JsonOptions, cancellationToken);
                break;
            case StatisticsFormat.Xlsx:
                var sheet = Lines(report, culture).Select(line => (IDictionary<string, object?>)Columns
                    .Select((column, i) => (Header: Text(column, culture), Value: line[i]))
                    .ToDictionary(c => c.Header, c => c.Value)).ToList();
                await MiniExcel.SaveAsAsync(output, sheet, sheetName: $"{report.Month:yyyy-MM}", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
                break;
            default:
                var text = format == StatisticsFormat.Csv ? Csv(report, culture) : Table(report, culture);
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                await output.WriteAsync(bytes, cancellationToken);
                break;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static object Json(MonthlyReport report) => new Dictionary<string, object?>
    {
        ["month"] = report.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ["by"] = FrozenRows.Name(report.By),
        ["closed"] = report.Closed,
        ["asOf"] = report.AsOf,
        ["rows"] = report.Rows.Select(JsonRow).ToList(),
        ["total"] = JsonRow(report.Total),
    };

    private static Dictionary<string, object?> JsonRow(ReportRow row)
    {
        var json = new Dictionary<string, object?> { ["key"] = row.Key, ["nameZh"] = row.NameZh, ["nameEn"] = row.NameEn };
        foreach (var (name, value) in Values(row.Figures))
        {
            json[name] = value;
        }
        if (row.Adjustments.Count > 0)
        {
            json["adjusted"] = Values(row.Adjusted).ToDictionary(v => v.Name, v => v.Value);
            json["adjustments"] = row.Adjustments.Select(a => new Dictionary<string, object?>
            {
                ["count"] = a.Count, ["delta"] = a.Delta, ["reason"] = a.Reason, ["author"] = a.AuthorId, ["madeAt"] = a.MadeAt,
            }).ToList();
        }
        return json;
    }

    private static IEnumerable<(string Name, object? Value)> Values(MonthlyFigures figures)
    {
        for (var i = 0; i < MonthlyFigures.CountNames.Count; i++)
        {
            yield return (MonthlyFigures.CountNames[i], figures.Counts[i]);
        }
        yield return ("overdue", figures.Overdue);
        yield return ("immediateShare", figures.ImmediateShare.Value);
        yield return ("onTimeRate", figures.OnTimeRate.Value);
        yield return ("earlyRate", figures.EarlyRate.Value);
        yield return ("averageWorkingDaysUsed", figures.AverageWorkingDaysUsed.Value);
        yield return ("speedUp", figures.SpeedUp.Value);
        yield return ("referralOnTimeRate", figures.ReferralOnTimeRate.Value);
        yield return ("satisfactionRate", figures.SatisfactionRate.Value);
        yield return ("rectifiedOnTimeRate", figures.RectifiedOnTimeRate.Value);
        yield return ("calledBackRate", figures.CalledBackRate.Value);
    }

    /// One line per row (and one more per adjusted row), values in <see cref="Columns"/> order.
    private static IEnumerable<object?[]> Lines(MonthlyReport report, CultureInfo culture)
    {
        foreach (var row in report.Rows.Append(report.Total))
        {
            var isTotal = ReferenceEquals(row, report.Total);
            var name = isTotal ? Text("total", culture) : culture.TwoLetterISOLanguageName == "en" ? row.NameEn : row.NameZh;
            var kind = Text(report.Closed ? "figures.frozen" : "figures.live", culture);
            yield return [row.Key, name, kind, .. Values(row.Figures).Select(v => v.Value), ""];
            if (row.Adjustments.Count > 0)
            {
                var notes = string.Join("; ", row.Adjustments.Select(a =>
                    $"{a.Count} {a.Delta.ToString("+0;-0", CultureInfo.InvariantCulture)} {a.Reason} ({a.AuthorId})"));
                yield return [row.Key, name, Text("figures.adjusted", culture), .. Values(row.Adjusted).Select(v => v.Value), notes];
            }
        }
    }

    private static string Csv(MonthlyReport report, CultureInfo culture)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Columns.Select(c => Quote(Text(c, culture)))));
        foreach (var line in Lines(report, culture))
        {
            text.AppendLine(string.Join(',', line.Select(v => Quote(Format(v)))));
        }
        return text.ToString();

        static string Quote(string value) =>
            value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Table(MonthlyReport report, CultureInfo culture)
    {
        var lines = Lines(report, culture).Select(l => l.Select(Format).ToArray()).ToList();
        var header = Columns.Select(c => Text(c, culture)).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Month:yyyy-MM} {Text(report.Closed ? "figures.frozen" : "figures.live", culture)}");
        // Transposed: one line per figure and one column per row, which stays readable in a terminal.
        var widths = new int[lines.Count + 1];
        widths[0] = header.Max(Width);
        for (var j = 0; j < lines.Count; j++)
        {
            widths[j + 1] = lines[j].Max(Width);
        }
        for (var i = 0; i < header.Length; i++)
        {
            text.Append(Pad(header[i], widths[0]));
            for (var j = 0; j < lines.Count; j++)
            {
                text.Append("  ").Append(Pad(lines[j][i], widths[j + 1]));
            }
            text.Append('\n');
        }
        return text.ToString();

        // CJK characters take two columns in a terminal.
        static int Width(string s) => s.Sum(c => c >= '\u2E80' ? 2 : 1);
        static string Pad(string s, int width) => s + new string(' ', Math.Max(0, width - Width(s)));
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Text(string key, CultureInfo culture) => Texts.GetString(key, culture) ?? key;
}
