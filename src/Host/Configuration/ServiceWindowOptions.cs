namespace ServiceWindow.Host.Configuration;

/// The `ServiceWindow` configuration section.
public sealed class ServiceWindowOptions
{
    public const string Section = "ServiceWindow";

    /// Apply pending migrations when the web host starts.
    public bool MigrateOnStart { get; set; } = true;

    /// Folder holding workflow definitions and calendars; relative paths resolve against the repository root.
    public string WorkflowsPath { get; set; } = "workflows";
}
