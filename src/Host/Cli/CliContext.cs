using Microsoft.Extensions.Configuration;

namespace ServiceWindow.Host.Cli;

/// What a command gets from the process: configuration and the two output streams.
public sealed record CliContext(IConfiguration Configuration, TextWriter Out, TextWriter Error);
