namespace ServiceWindow.Workflows.Engine;

/// <summary>The command expected another version of the case; reload it and decide again.</summary>
public sealed class VersionConflictException(string stage, string action, long expectedVersion, long actualVersion)
    : TransitionRefusedException(stage, action, RefusalKind.StaleVersion, $"the command expected version {expectedVersion}, the case is at version {actualVersion}")
{
    /// <summary>The version the command was based on.</summary>
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The case's version.</summary>
    public long ActualVersion { get; } = actualVersion;
}
