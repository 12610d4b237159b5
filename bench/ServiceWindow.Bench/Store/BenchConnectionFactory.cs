using Hangfire.PostgreSql;
using Npgsql;

namespace ServiceWindow.Bench.Store;

/// Hangfire's connections from the application's data source, as the host's
/// `DataSourceConnectionFactory` hands them (auto-prepare, no reset on close).
public sealed class BenchConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
