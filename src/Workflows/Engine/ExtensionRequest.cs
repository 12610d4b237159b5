using System;

namespace ServiceWindow.Workflows.Engine;

/// <summary>An extension asked for in time and waiting for a leader's approval.</summary>
public sealed record ExtensionRequest(int Sequence, string RequestedBy, DateTimeOffset At, string Extension, string Reason);
