namespace ServiceWindow.Workflows.Engine;

/// <summary>An escalation level that fired in a clock episode; it does not fire again in that episode.</summary>
public sealed record FiredEscalation(int Episode, int Level, int Sequence);
