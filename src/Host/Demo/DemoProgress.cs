namespace ServiceWindow.Host.Demo;

/// Progress of the seed: a bar redrawn in place on a terminal, a plain line per tenth otherwise
/// (a log or a pipe gets no carriage returns).
public sealed class DemoProgress(TextWriter output, bool terminal)
{
    private const int Width = 30;
    private int shownTenth = -1;

    public void Report(int done, int total, DateOnly day)
    {
        var share = total == 0 ? 1.0 : (double)done / total;
        if (terminal)
        {
            var filled = (int)(share * Width);
            output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {share,4:P0} {day:yyyy-MM-dd}");
            if (done == total)
            {
                output.WriteLine();
            }
            return;
        }
        var tenth = (int)(share * 10);
        if (tenth != shownTenth)
        {
            shownTenth = tenth;
            output.WriteLine($"seed: {tenth * 10}% ({done}/{total} steps, {day:yyyy-MM-dd})");
        }
    }
}
