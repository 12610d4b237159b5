using System.Net;
using System.Net.Sockets;

namespace ServiceWindow.Host.Tests.Scheduling;

/// A TCP relay in front of the test cluster, to take the database away from a host without stopping
/// the cluster the other tests share. Stopping it closes every relayed connection and refuses new
/// ones, as a stopped server does; freezing it keeps every connection open and carries nothing,
/// as a hung server or a dropped network does.
public sealed class DatabaseRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Socket> connections = [];
    private readonly Task accepting;
    private readonly TaskCompletionSource frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DatabaseRelay(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public void Freeze() => frozen.TrySetResult();

    public void Stop()
    {
        stopping.Cancel();
        listener.Stop();
        lock (connections)
        {
            foreach (var connection in connections)
            {
                connection.Close(0);
            }
            connections.Clear();
        }
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            lock (connections)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }
                connections.Add(client.Client);
                connections.Add(server.Client);
            }
            try
            {
                if (frozen.Task.IsCompleted)
                {
                    await Task.Delay(Timeout.Infinite, stopping.Token);
                }
                await server.ConnectAsync(targetHost, targetPort, stopping.Token);
                var up = CopyAsync(client.GetStream(), server.GetStream());
                var down = CopyAsync(server.GetStream(), client.GetStream());
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, stopping.Token);
            if (read == 0)
            {
                return;
            }
            if (frozen.Task.IsCompleted)
            {
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
            await to.WriteAsync(buffer.AsMemory(0, read), stopping.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await accepting;
    }
}
