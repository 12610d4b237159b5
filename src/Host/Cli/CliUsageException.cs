namespace ServiceWindow.Host.Cli;

/// Bad command-line arguments; the dispatcher prints the message and the usage and exits 2.
public sealed class CliUsageException(string message) : Exception(message);
