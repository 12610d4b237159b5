using System;

namespace ServiceWindow.Workflows.Clock;

/// <summary>An extension that may not be granted: asked after the deadline, or beyond the statutory limit plus the maximum extension.</summary>
public sealed class ExtensionRefusedException(string message) : Exception(message);
