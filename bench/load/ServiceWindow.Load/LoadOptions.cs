using System.Globalization;

namespace ServiceWindow.Load;

/// The command line: `--url`, `--login`, `--password`, `--rate` (operations per second, all kinds
/// together), `--seconds`, `--connections`, `--mix intake=60,action=10,read=10,queue=10,lookup=5,stats=5`
/// (`stats` reads the monthly statistics by window for `--stats-month` (default: the
/// current month) as `--stats-login` / `--stats-password` (a section chief's)),
/// `--host-pid` (for peak RSS), `--count` (stop after this many operations), `--acks FILE` (one
/// line per acknowledged intake: id, idempotency key, receipt number).
public sealed record LoadOptions(
    Uri Url, string Login, string Password, int Rate, int Seconds, int Connections,
    IReadOnlyDictionary<string, int> Mix, int? HostPid, long? Count, string? Acks)
{
    public string StatsLogin { get; init; } = "chen.jing";

    public string StatsPassword { get; init; } = "";

    public string StatsMonth { get; init; } = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected an option, got '{args[i]}'");
            }
            values[args[i][2..]] = args[i + 1];
        }
        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var mix = Get("mix", "intake=60,action=10,read=10,queue=10,lookup=5,stats=5").Split(',')
            .Select(part => part.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var url = new Uri(Get("url", "http://127.0.0.1:5080"));
        if (!url.IsLoopback)
        {
            throw new ArgumentException("the load driver only drives a host on loopback");
        }
        return new LoadOptions(url, Get("login", "wang.fang"), Get("password", ""), Int("rate", 200), Int("seconds", 10),
            Int("connections", 16), mix, values.TryGetValue("host-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            values.TryGetValue("count", out var count) ? long.Parse(count, CultureInfo.InvariantCulture) : null, values.GetValueOrDefault("acks"))
        {
            StatsLogin = Get("stats-login", "chen.jing"),
            StatsPassword = Get("stats-password", ""),
            StatsMonth = Get("stats-month", DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        };
    }
}
