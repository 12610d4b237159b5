namespace ServiceWindow.Persistence.Display;

/// One window's open cases: those whose handler (or, before one is named, first-inquiry owner) sits there.
public sealed record WindowQueue(string WindowId, string NameZh, string NameEn, int OpenCases, int Overdue);
