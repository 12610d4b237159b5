using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Host.Health;

/// Ready means the database answers and every migration this build knows is applied.
public sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await new MigrationRunner(dataSource).PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("database reachable, migrations current")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: {string.Join(", ", pending)}");
        }
        catch (Exception e) when (e is NpgsqlException or MigrationChecksumException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
