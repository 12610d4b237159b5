using System.CommandLine;

namespace ServiceWindow.Host.Cli;

/// `servicewindow serve [host options]`: runs the web app, as no command at all does. The dispatcher
/// hands control back to the host for it; the options after it (`--urls`) are the host's.
public sealed class ServeCommand : ICliCommand
{
    public const string Name = "serve";

    public IReadOnlyList<string> Group => [];

    public Command Create(CliContext context) =>
        new(Name, "Serves the web app (the default without a command); further options such as --urls go to the web host.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
}
