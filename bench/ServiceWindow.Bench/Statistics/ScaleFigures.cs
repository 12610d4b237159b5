namespace ServiceWindow.Bench.Statistics;

internal static class ScaleFigures
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
