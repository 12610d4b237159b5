using ServiceWindow.Host;
using ServiceWindow.Host.Cli;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;

if (await CliDispatcher.TryRunAsync(args, Console.Out, Console.Error) is int exitCode)
{
    return exitCode;
}

var app = WebHost.Build(args);
try
{
    await WebHost.PrepareDatabaseAsync(app);
}
catch (Exception e) when (e is DatabaseUnreachableException or MigrationChecksumException)
{
    Console.Error.WriteLine($"servicewindow: {e.Message}");
    return 3;
}
await app.RunAsync();
return 0;

/// Visible to the integration tests' WebApplicationFactory.
public partial class Program;
