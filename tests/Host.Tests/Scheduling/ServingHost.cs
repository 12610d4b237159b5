using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceWindow.Host.Tests.Scheduling;

/// The built `servicewindow` executable serving on a free port, as a service manager runs it, so a
/// test can send it SIGTERM and time how long it takes to go.
public sealed class ServingHost : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServingHost(Process process, int port)
    {
        this.process = process;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static ServingHost Start(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "servicewindow.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var host = new ServingHost(Process.Start(start)!, port);
        host.process.OutputDataReceived += (_, line) => host.Append(line.Data);
        host.process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    /// Waits until `/healthz` answers, or the process ends.
    public async Task<bool> WaitUntilServingAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync($"{Url}/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        return false;
    }

    /// Sends SIGTERM and returns how long the process took to exit (or null if it outlived the wait).
    public async Task<TimeSpan?> TerminateAsync(TimeSpan wait)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return clock.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public int ExitCode => process.ExitCode;

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
