using Microsoft.Extensions.Configuration;

namespace ServiceWindow.Host.Configuration;

/// Where settings come from: appsettings beside the executable, then environment, then arguments.
/// `SERVICEWINDOW_DB` wins over the appsettings connection string.
public static class HostConfiguration
{
    public const string ConnectionStringName = "ServiceWindow";
    public const string ConnectionStringVariable = "SERVICEWINDOW_DB";

    public static IConfiguration Build(string[] args) =>
        Apply(new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory), args).Build();

    public static IConfigurationBuilder Apply(IConfigurationBuilder builder, string[] args)
    {
        builder.AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        var fromEnvironment = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            builder.AddInMemoryCollection([new($"ConnectionStrings:{ConnectionStringName}", fromEnvironment)]);
        }
        return builder;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"no database configured: set {ConnectionStringVariable} or ConnectionStrings:{ConnectionStringName}");

    /// The workflows folder: absolute as given, else the first ancestor of the working directory
    /// or of the executable that contains it.
    public static string WorkflowsPath(IConfiguration configuration)
    {
        var configured = configuration[$"{ServiceWindowOptions.Section}:WorkflowsPath"]
            ?? Environment.GetEnvironmentVariable("SERVICEWINDOW_WORKFLOWS")
            ?? "workflows";
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, configured);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return Path.GetFullPath(configured);
    }
}
