using System.Collections.Concurrent;

namespace ServiceWindow.Load;

/// Latencies and answers of one kind of operation.
public sealed class OperationStats(string name)
{
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentDictionary<int, int> statuses = new();

    public string Name { get; } = name;

    public void Record(int status, double milliseconds)
    {
        latencies.Add(milliseconds);
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
    }

    public int Count => latencies.Count;

    public IReadOnlyDictionary<int, int> Statuses => statuses;

    public double Percentile(double p)
    {
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
