using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using ServiceWindow.Host.Api;
using ServiceWindow.Host.Calendars;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Host.Health;
using ServiceWindow.Host.Notifications;
using ServiceWindow.Host.Pages;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Host.Security;
using ServiceWindow.Host.Workflows;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Persistence.Calendars;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;
using ServiceWindow.Persistence.Statistics;

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
        services.AddSingleton<FileWorkflowCatalog>();
        services.AddSingleton<IWorkflowCatalog>(sp => sp.GetRequiredService<FileWorkflowCatalog>());
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<DeploymentCalendar>();
        services.AddSingleton<DefinitionPublishing>();
        services.AddHostedService<CalendarRefresh>();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<StatisticsProjector>();
        // Live figures stored by the statistics job are served while younger than two of its intervals.
        services.AddSingleton(sp => new StatisticsOptions { LiveMaxAge = 2 * sp.GetRequiredService<IOptions<SchedulerOptions>>().Value.StatisticsInterval });
        services.AddSingleton<LiveFigures>();
        services.AddSingleton<MonthlyStatistics>();
        NotificationSetup.AddNotifications(services, builder.Configuration);
        SchedulerSetup.AddScheduler(services, builder.Configuration);
        SatisfactionAndRankingSetup.AddSatisfactionAndRanking(services, builder.Configuration);
        ApiSetup.AddApi(services, builder.Configuration);
        SecuritySetup.AddSecurity(services);
        PagesSetup.AddPages(services);
        // A host must be gone within 10 s of SIGTERM, also when the database hangs: stopping waits
        // for no query or connection attempt (30 s and 15 s by default) beyond this.
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(6));
        services.AddSingleton<StoppingRequests>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseSecurityHeaders();
        ApiSetup.UseLocalization(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<StoppingRequests>();
        ApiSetup.MapApi(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapNotificationsApi();
        SchedulerSetup.MapJobsDashboard(app);
        PagesSetup.UsePages(app);
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
        await PublishCatalogueAsync(app, dataSource, cancellationToken);
        await SecuritySetup.CreateDemoUsersAsync(app, cancellationToken);
    }

    // Definitions and the calendar are published as immutable versions: running cases keep the
    // definition version they started on, and the recomputation of provisional deadlines compares
    // the calendar versions. Nothing is published into a database that is not fully migrated.
    private static async Task PublishCatalogueAsync(WebApplication app, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var catalog = app.Services.GetRequiredService<FileWorkflowCatalog>();
        if (await new MigrationRunner(dataSource).PendingAsync(cancellationToken) is not { Count: 0 })
        {
            return;
        }
        await new CalendarVersions(dataSource).PublishIfChangedAsync(catalog.Calendar, catalog.CalendarJson, cancellationToken);
        var versions = new DefinitionVersions(dataSource);
        var published = await versions.PublishAsync(catalog.FileDefinitions, cancellationToken);
        if (published.Count > 0)
        {
            app.Logger.LogInformation("Published workflow definitions {Definitions}", string.Join(", ", published));
        }
        catalog.IncludePublished(await versions.AllAsync(cancellationToken));
    }
}
