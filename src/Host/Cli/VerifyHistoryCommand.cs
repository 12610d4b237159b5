using System.CommandLine;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.History;

namespace ServiceWindow.Host.Cli;

/// `servicewindow verify-history`: walks every case's history chain and reports the first broken
/// entry per case. Exit 1 when anything was edited or removed behind the application's back.
public sealed class VerifyHistoryCommand : ICliCommand
{
    public IReadOnlyList<string> Group => [];

    public Command Create(CliContext context)
    {
        var command = new Command("verify-history",
            "Recomputes every case's history chain; exit 1 names each entry edited or removed behind the application's back.");
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var verification = await new HistoryVerifier(dataSource).VerifyAsync(cancellationToken);
        foreach (var broken in verification.Broken)
        {
            context.Out.WriteLine($"case {broken.CaseId}: entry {broken.Sequence}: {broken.Reason}");
        }
        context.Out.WriteLine(verification.Intact
            ? $"history: {verification.CasesChecked} cases, {verification.EntriesChecked} entries, every chain intact"
            : $"history: {verification.CasesChecked} cases, {verification.EntriesChecked} entries, {verification.Broken.Count} broken chain(s)");
        return verification.Intact ? CliDispatcher.Done : CliDispatcher.ProblemsFound;
    }
}
