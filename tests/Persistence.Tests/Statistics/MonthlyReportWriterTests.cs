using System.Globalization;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Tests.Statistics;

public sealed class MonthlyReportWriterTests
{
    // w2 of October: 1 completed, late; 10 statutory days and 13 used; corrected after the close.
    private static readonly MonthlyFigures W2 = MonthlyFigures.Zero
        .Add("accepted", 2).Add("completed", 1).Add("completedLate", 1).Add("openPastPromised", 1)
        .Add("timedCompleted", 1).Add("workingDaysUsed", 13).Add("statutoryWorkingDays", 10);

    private static readonly StatisticsAdjustment Correction = new(Guid.NewGuid(), new DateOnly(2026, 10, 1), StatisticsDimension.Window, "w2",
        "completedLate", -1, "applicant late, by their own choice", "eff-1", new DateTimeOffset(2026, 11, 5, 10, 0, 0, TimeSpan.FromHours(8)));

    private static readonly StatisticsAdjustment OnTime = Correction with { Id = Guid.NewGuid(), Count = "completedOnTime", Delta = 1 };

    private static readonly MonthlyReport Report = new(
        new DateOnly(2026, 10, 1), StatisticsDimension.Window, Closed: true, new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(8)),
        [new ReportRow("w2", "二号窗口", "Window 2", W2, W2.Add("completedLate", -1).Add("completedOnTime", 1), [Correction, OnTime])],
        new ReportRow("", null, null, W2, W2, []));

    private static async Task<byte[]> Write(StatisticsFormat format, string culture = "zh-CN")
    {
        using var output = new MemoryStream();
        await MonthlyReportWriter.WriteAsync(Report, format, output, CultureInfo.GetCultureInfo(culture));
        return output.ToArray();
    }

    [Fact]
    public async Task WriteAsync_PutsTheAdjustedRowBesideTheFrozenOne_WhenCsv()
    {
        var lines = Encoding.UTF8.GetString(await Write(StatisticsFormat.Csv)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var header = lines[0].Split(',');
        Assert.Equal(("编码", "办结", "按时办结率"), (header[0], header[Column("completed")], header[Column("onTimeRate")]));
        Assert.Equal(4, lines.Length);
        var (frozen, adjusted) = (lines[1].Split(','), lines[2].Split(','));
        Assert.Equal(("w2", "二号窗口", "冻结", "1", "2", "0"), (frozen[0], frozen[1], frozen[2], frozen[Column("completedLate")], frozen[Column("overdue")], frozen[Column("onTimeRate")]));
        // (10 − 13) / 10.
        Assert.Equal("-0.3", frozen[Column("speedUp")]);
        Assert.Equal(("调整后", "0", "1", "1"), (adjusted[2], adjusted[Column("completedLate")], adjusted[Column("overdue")], adjusted[Column("onTimeRate")]));
        // The reason holds a comma, so the note is quoted.
        Assert.EndsWith(",\"completedLate -1 applicant late, by their own choice (eff-1); completedOnTime +1 applicant late, by their own choice (eff-1)\"", lines[2].TrimEnd('\r'));
    }

    [Fact]
    public async Task WriteAsync_WritesEnglishHeaders_WhenAskedInEnglish()
    {
        var header = Encoding.UTF8.GetString(await Write(StatisticsFormat.Csv, "en")).Split('\n')[0].Split(',');

        Assert.Equal(("Key", "Completed", "On-time rate"), (header[0], header[Column("completed")], header[Column("onTimeRate")]));
    }

    [Fact]
    public async Task WriteAsync_CarriesRatesWithTheirCounts_WhenJson()
    {
        using var json = JsonDocument.Parse(await Write(StatisticsFormat.Json));

        var row = json.RootElement.GetProperty("rows")[0];
        Assert.Equal(("2026-10", "window", true), (json.RootElement.GetProperty("month").GetString(), json.RootElement.GetProperty("by").GetString(), json.RootElement.GetProperty("closed").GetBoolean()));
        Assert.Equal((1, 0, 0m), (row.GetProperty("completed").GetInt32(), row.GetProperty("completedOnTime").GetInt32(), row.GetProperty("onTimeRate").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("satisfactionRate").ValueKind);
        Assert.Equal(1m, row.GetProperty("adjusted").GetProperty("onTimeRate").GetDecimal());
        Assert.Equal("eff-1", row.GetProperty("adjustments")[0].GetProperty("author").GetString());
    }

    [Fact]
    public async Task WriteAsync_WritesAWorkbookMiniExcelReadsBack_WhenXlsx()
    {
        using var input = new MemoryStream(await Write(StatisticsFormat.Xlsx));

        var rows = input.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(("w2", 1d, 0d), ((string)rows[0]["编码"], Convert.ToDouble(rows[0]["办结"], CultureInfo.InvariantCulture), Convert.ToDouble(rows[1]["超期办结"], CultureInfo.InvariantCulture)));
    }

    private static int Column(string name) => MonthlyReportWriter.Columns.ToList().IndexOf(name);
}
