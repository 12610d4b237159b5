using Npgsql;

namespace ServiceWindow.Persistence.Database;

/// Builds the one NpgsqlDataSource the process shares, and checks it can be reached.
public static class Database
{
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "servicewindow";
        // The write path sends the same few statements over and over: prepare them once per connection.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }
        // Every command takes a pooled connection, and resetting it on return costs five extra
        // statements (about a tenth of an intake). Nothing here leaves session state behind: no SET,
        // LISTEN or temporary table; the migration lock is released in a finally block.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    /// Opens one connection or throws <see cref="DatabaseUnreachableException"/> with a readable message.
    public static async Task EnsureReachableAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw DatabaseUnreachableException.From(dataSource.ConnectionString, e);
        }
    }
}
