using Hangfire.PostgreSql;
using Npgsql;

namespace ServiceWindow.Host.Scheduling;

/// Hands Hangfire connections from the application's data source, so both always agree on the
/// database and share its pool settings (auto-prepare, no reset on close).
public sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
