using Npgsql;

namespace ServiceWindow.Persistence.Database;

/// The database could not be reached. The message is one readable line naming where we looked,
/// because the person who sees it is starting the app, not debugging it.
public sealed class DatabaseUnreachableException(string message, Exception inner) : Exception(message, inner)
{
    public static DatabaseUnreachableException From(string connectionString, Exception inner)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var reason = inner is PostgresException pg ? pg.MessageText : inner.InnerException?.Message ?? inner.Message;
        return new DatabaseUnreachableException(
            $"cannot reach PostgreSQL at {builder.Host ?? "localhost"}:{builder.Port} (database \"{builder.Database}\", user \"{builder.Username}\"): {reason}. " +
            "Start the private cluster with scripts/run, or point SERVICEWINDOW_DB at a running server.",
            inner);
    }
}
