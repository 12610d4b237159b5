using System;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// A timer the case is waiting for. Keys are unique per case and never reused for another firing:
/// <c>stage:{stage}:{timer}:{entry}</c>, <c>escalation:{level}:{episode}:{entry}</c>, <c>inaction:{touch}</c>.
/// </summary>
/// <param name="Key">The key to fire it by.</param>
/// <param name="Name">A timer id or <c>escalation.{level}</c> / <c>inaction</c>.</param>
/// <param name="DueAt">When it falls due.</param>
/// <param name="Provisional">True when the due instant runs past the calendar's covered years.</param>
public sealed record PendingTimer(string Key, string Name, DateTimeOffset DueAt, bool Provisional);
