using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Host.Health;
using ServiceWindow.Host.Notifications;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Persistence.Calendars;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Host;

/// Composition of the web application: services, endpoints and the start-up database work.
public static class WebHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        HostConfiguration.Apply(builder.Configuration, args);
        ConfigureServices(builder);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ServiceWindowOptions>(builder.Configuration.GetSection(ServiceWindowOptions.Section));
        services.AddSingleton(sp => Database.CreateDataSource(HostConfiguration.ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton(TimeProvider.System);
        NotificationSetup.AddNotifications(services, builder.Configuration);
        SchedulerSetup.AddScheduler(services, builder.Configuration);
        services.AddProblemDetails();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }

    /// Refuses to start against an unreachable database; migrates unless configured not to.
    public static async Task PrepareDatabaseAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        if (app.Services.GetRequiredService<IOptions<ServiceWindowOptions>>().Value.MigrateOnStart)
        {
            var applied = await new MigrationRunner(dataSource).MigrateAsync(cancellationToken);
            if (applied.Count > 0)
            {
                app.Logger.LogInformation("Applied migrations {Migrations}", string.Join(", ", applied));
            }
        }
        await PublishCalendarAsync(app, dataSource, cancellationToken);
    }

    // The recomputation of provisional deadlines compares the calendar versions published here.
    private static async Task PublishCalendarAsync(WebApplication app, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        FileWorkflowCatalog catalog;
        try
        {
            catalog = app.Services.GetRequiredService<FileWorkflowCatalog>();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ServiceWindow.Workflows.Calendar.CalendarFormatException)
        {
            app.Logger.LogWarning("No working calendar loaded: {Reason}", e.Message);
            return;
        }
        if (await new MigrationRunner(dataSource).PendingAsync(cancellationToken) is { Count: 0 })
        {
            await new CalendarVersions(dataSource).PublishIfChangedAsync(catalog.Calendar, catalog.CalendarJson, cancellationToken);
        }
    }
}
