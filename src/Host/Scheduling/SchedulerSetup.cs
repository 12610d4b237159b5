using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Npgsql;
using ServiceWindow.Persistence.Timers;

namespace ServiceWindow.Host.Scheduling;

/// Hangfire on the application's PostgreSQL database: storage in schema `hangfire`, created at
/// start, connections from the application's data source. Deadlines are not Hangfire jobs: one
/// recurring sweep fires every due case timer (see docs/store.md for why). Several hosts may run
/// servers against one database; each recurring occurrence runs once among them.
public static class SchedulerSetup
{
    public const string Schema = "hangfire";
    public const string DashboardPath = "/jobs";

    public static void AddScheduler(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SchedulerOptions.Section);
        services.Configure<SchedulerOptions>(section);
        var options = section.Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddSingleton<ITimerFiring, EngineTimerFiring>();

        // Storage and client are always there (the dashboard and Enqueue work on any node); they
        // touch the database only when first used.
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseConnectionFactory(new DataSourceConnectionFactory(provider.GetRequiredService<NpgsqlDataSource>())),
                new PostgreSqlStorageOptions
                {
                    SchemaName = Schema,
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = options.QueuePollInterval,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                })
            .WithJobExpirationTimeout(options.SucceededJobExpiry));
        if (!options.Enabled)
        {
            return;
        }
        services.AddHostedService<RecurringJobsRegistration>();
        services.AddHangfireServer((provider, server) =>
        {
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            server.ShutdownTimeout = options.ShutdownTimeout;
            server.StopTimeout = options.ShutdownTimeout;
            server.FilterProvider = JobFilters(options);
        });
    }

    public static void MapJobsDashboard(IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Never the default local-request filter: see JobsDashboardAccess.
            Authorization = [],
            AsyncAuthorization = [new JobsDashboardAccess()],
            IsReadOnlyFunc = JobsDashboardAccess.IsReadOnly,
            DashboardTitle = "ServiceWindow jobs",
            DisplayStorageConnectionString = false,
            AppPath = null,
        });

    // Hangfire's global filters with its retry (10 attempts, up to hours apart) replaced by ours,
    // per server, so two hosts in one process (tests) do not share one static setting.
    private static JobFilterProviderCollection JobFilters(SchedulerOptions options)
    {
        var filters = new JobFilterCollection();
        foreach (var filter in GlobalJobFilters.Filters.Where(f => f.Instance is not AutomaticRetryAttribute))
        {
            filters.Add(filter.Instance, filter.Order);
        }
        var delays = options.RetryDelaysSeconds is { Length: > 0 } configured ? configured : SchedulerOptions.DefaultRetryDelaysSeconds;
        filters.Add(new AutomaticRetryAttribute
        {
            Attempts = options.RetryAttempts,
            DelayInSecondsByAttemptFunc = attempt => delays[Math.Min((int)attempt - 1, delays.Length - 1)],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
        filters.Add(new FailedJobExpiry(options.FailedJobExpiry));
        return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
    }
}
