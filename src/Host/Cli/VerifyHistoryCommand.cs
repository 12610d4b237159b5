using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.History;

namespace ServiceWindow.Host.Cli;

/// `servicewindow verify-history`: walks every case's history chain and reports the first broken
/// entry per case. Exit 1 when anything was edited or removed behind the application's back.
public sealed class VerifyHistoryCommand : ICliCommand
{
    public IReadOnlyList<string> Verb { get; } = ["verify-history"];

    public string Usage => "verify-history";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(arguments, new HashSet<string>());
        parsed.RefuseUnknown();
        if (parsed.Positional.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{parsed.Positional[0]}'");
        }
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
        return verification.Intact ? 0 : 1;
    }
}
