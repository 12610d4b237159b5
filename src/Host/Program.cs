using ServiceWindow.Host;
using ServiceWindow.Host.Cli;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;

if (await CliDispatcher.TryRunAsync(args, Console.Out, Console.Error) is int exitCode)
{
    return exitCode;
}

var hostArguments = CliDispatcher.HostArguments(args);
// Asked before the host is composed: composing it prepares the job storage, which retries an
// unreachable database for half a minute before anyone would hear why.
try
{
    await using var probe = Database.CreateDataSource(HostConfiguration.ConnectionString(HostConfiguration.Build(hostArguments)));
    await Database.EnsureReachableAsync(probe);
}
catch (DatabaseUnreachableException e)
{
    Console.Error.WriteLine($"servicewindow: {e.Message}");
    return 3;
}

var app = WebHost.Build(hostArguments);
try
{
    await WebHost.PrepareDatabaseAsync(app);
}
catch (DatabaseUnreachableException e)
{
    Console.Error.WriteLine($"servicewindow: {e.Message}");
    return 3;
}
// Whoever starts the host sees what to fix in one message, not a stack trace.
catch (Exception e) when (e is MigrationChecksumException or InvalidDefinitionException or DefinitionVersionEditedException
                              or CalendarFormatException or IOException)
{
    Console.Error.WriteLine($"servicewindow: {e.Message}");
    return 1;
}
await app.RunAsync();
return 0;

/// Visible to the integration tests' WebApplicationFactory.
public partial class Program;
