using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServiceWindow.Load;

// A bounded, self-stopping mix against a running host: paced at --rate, stopped after --seconds
// (or --count operations), then one report. Exit 1 when any answer was a 5xx or no answer at all.
var options = LoadOptions.Parse(args);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(10) };

var signIn = await http.PostAsJsonAsync("/api/v1/tokens", new { login = options.Login, password = options.Password });
if (!signIn.IsSuccessStatusCode)
{
    Console.Error.WriteLine($"sign-in as {options.Login} answered {(int)signIn.StatusCode}");
    return 2;
}
var token = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

// Statistics are read by a section chief, leader or the efficiency office, not by the clerk who takes intakes.
string? statsToken = null;
if (options.Mix.ContainsKey("stats"))
{
    var chief = await http.PostAsJsonAsync("/api/v1/tokens", new { login = options.StatsLogin, password = options.StatsPassword });
    if (!chief.IsSuccessStatusCode)
    {
        Console.Error.WriteLine($"sign-in as {options.StatsLogin} answered {(int)chief.StatusCode}");
        return 2;
    }
    statsToken = JsonDocument.Parse(await chief.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
}

var stats = options.Mix.Keys.ToDictionary(k => k, k => new OperationStats(k), StringComparer.Ordinal);
var opened = new ConcurrentQueue<OpenedCase>();
var known = new ConcurrentBag<OpenedCase>();
using var acks = options.Acks is null ? null : new StreamWriter(options.Acks, append: true) { AutoFlush = true };
var ackLock = new object();
var wheel = options.Mix.SelectMany(kv => Enumerable.Repeat(kv.Key, kv.Value)).ToArray();
var started = Stopwatch.StartNew();
var stopAt = TimeSpan.FromSeconds(options.Seconds);
long issued = -1;
long peakRss = 0;
var cpuBefore = HostCpu(options.HostPid);

using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancelled())
    {
        peakRss = Math.Max(peakRss, HostRss(options.HostPid));
        await Task.Delay(200).ConfigureAwait(false);
    }
});

var workers = Enumerable.Range(0, options.Connections).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var n = Interlocked.Increment(ref issued);
        if (options.Count is { } count && n >= count)
        {
            return;
        }
        // Operation n is due at n / rate seconds: the pace holds however many workers there are.
        // The run ends at --seconds of wall time even when the host has fallen behind the pace:
        // what was due and not sent by then is counted, not sent late.
        var due = TimeSpan.FromSeconds((double)n / options.Rate);
        if (due >= stopAt)
        {
            return;
        }
        if (started.Elapsed >= stopAt)
        {
            return;
        }
        var wait = due - started.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait).ConfigureAwait(false);
        }
        var kind = wheel[n % wheel.Length];
        var clock = Stopwatch.StartNew();
        int status;
        try
        {
            status = await RunAsync(kind).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            status = 0;
        }
        stats[kind].Record(status, clock.Elapsed.TotalMilliseconds);
    }
})).ToArray();
await Task.WhenAll(workers);
var elapsed = started.Elapsed;
sampling.Cancel();
await sampler;
var cpuAfter = HostCpu(options.HostPid);

var total = stats.Values.Sum(s => s.Count);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {total} operations in {elapsed.TotalSeconds:F1} s = {total / elapsed.TotalSeconds:F0}/s " +
    $"(asked {options.Rate}/s, {options.Connections} connections)"));
// Each worker stops at its next operation after the end, so the due operations never sent are
// those between the last one issued and the last one the pace asked for.
var asked = (long)(options.Rate * stopAt.TotalSeconds);
var notSent = options.Count is { } limit ? Math.Max(0, Math.Min(limit, asked) - total) : Math.Max(0, asked - total);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"pace: {asked} operations were due in {stopAt.TotalSeconds:F0} s, {total} were sent, {notSent} were not (the host fell behind the pace)"));
Console.WriteLine("operation   count     /s   p50 ms   p95 ms   p99 ms  statuses");
foreach (var s in stats.Values.Where(s => s.Count > 0))
{
    var statuses = string.Join(" ", s.Statuses.OrderBy(p => p.Key).Select(p => $"{(p.Key == 0 ? "none" : p.Key.ToString(CultureInfo.InvariantCulture))}:{p.Value}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{s.Name,-9} {s.Count,7} {s.Count / elapsed.TotalSeconds,6:F0} {s.Percentile(50),8:F1} {s.Percentile(95),8:F1} {s.Percentile(99),8:F1}  {statuses}"));
}
if (options.HostPid is not null)
{
    var intakes = stats.TryGetValue("intake", out var intake) ? intake.Statuses.GetValueOrDefault(201) : 0;
    var cpu = cpuAfter - cpuBefore;
    var perIntake = intakes > 0 ? string.Create(CultureInfo.InvariantCulture, $" = {cpu.TotalMilliseconds / intakes:F2} ms per intake") : "";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"host: peak RSS {peakRss / 1024.0 / 1024:F0} MB (VmHWM {HostPeak(options.HostPid) / 1024.0 / 1024:F0} MB), CPU {cpu.TotalSeconds:F1} s{perIntake}"));
}
var failed = stats.Values.Sum(s => s.Statuses.Where(p => p.Key is 0 or >= 500).Sum(p => p.Value));
Console.WriteLine($"errors: {failed} answers that were 5xx or none");
return failed == 0 ? 0 : 1;

async Task<int> RunAsync(string kind)
{
    switch (kind)
    {
        case "intake":
            {
                var key = Guid.NewGuid().ToString("N");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = new StringContent(IntakeBody, Encoding.UTF8, "application/json") };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false)).RootElement;
                    var opened1 = new OpenedCase(body.GetProperty("id").GetGuid(), body.GetProperty("receiptNumber").GetString()!,
                        body.GetProperty("lookupSecret").GetString()!);
                    opened.Enqueue(opened1);
                    known.Add(opened1);
                    if (acks is not null)
                    {
                        lock (ackLock)
                        {
                            acks.WriteLine($"{opened1.Id} {key} {opened1.Receipt}");
                        }
                    }
                }
                return (int)response.StatusCode;
            }
        case "action" when opened.TryDequeue(out var next):
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{next.Id}/actions/register")
                {
                    Content = new StringContent("""{"certificate_number":"J110101-2026-000001"}""", Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                return (int)response.StatusCode;
            }
        case "read" when known.TryPeek(out var any):
            {
                using var response = await http.GetAsync($"/api/v1/cases/{any.Id}").ConfigureAwait(false);
                return (int)response.StatusCode;
            }
        case "lookup" when known.TryPeek(out var mine):
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/cases/{mine.Receipt}?secret={mine.Secret}");
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                return (int)response.StatusCode;
            }
        case "stats":
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/statistics/monthly?month={options.StatsMonth}&by=window");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", statsToken);
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                return (int)response.StatusCode;
            }
        case "queue":
            {
                using var response = await http.GetAsync("/api/v1/queues/mine").ConfigureAwait(false);
                return (int)response.StatusCode;
            }
        default:
            // Nothing opened yet to act on or read: queue read instead, so the pace holds.
            {
                using var response = await http.GetAsync("/api/v1/queues/mine").ConfigureAwait(false);
                return (int)response.StatusCode;
            }
    }
}

static long HostRss(int? pid) => Status(pid, "VmRSS:");

static long HostPeak(int? pid) => Status(pid, "VmHWM:");

static long Status(int? pid, string field)
{
    if (pid is null || !File.Exists($"/proc/{pid}/status"))
    {
        return 0;
    }
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}

// utime + stime from /proc/PID/stat, in clock ticks of 1/100 s.
static TimeSpan HostCpu(int? pid)
{
    if (pid is null || !File.Exists($"/proc/{pid}/stat"))
    {
        return TimeSpan.Zero;
    }
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
}

internal sealed record OpenedCase(Guid Id, string Receipt, string Secret);

internal static partial class Program
{
    private const string IntakeBody =
        """{"item":"marriage-registration","window":"marriage-1","applicant":{"name":"张三","idNumber":"110101199003071233","phone":"13812345678"},"materialsReceived":["id_cards","declaration"],"inputs":{"party_a":"张三","party_b":"李四"}}""";
}

internal static class CancellationExtensions
{
    public static bool IsCancelled(this CancellationTokenSource source) => source.IsCancellationRequested;
}
