namespace ServiceWindow.Host.Pages.Board;

/// A window's yellow and red cards, most urgent first. <see cref="WindowId"/> is null for cases
/// opened at no window.
public sealed record BoardWindow(string? WindowId, string Name, IReadOnlyList<BoardCase> Cases);
