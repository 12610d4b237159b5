using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Tests.Scheduling;

/// Unacknowledged referrals: each leaves timers that, three days later, escalate the referral to
/// both chiefs and then declare it lost (one finding and three `referral.unacknowledged` messages
/// per case, besides the messages the referral itself sends).
public static class Referrals
{
    public static readonly DateTimeOffset ReferredAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Actor Clerk = Actor.Staff("wang.fang", "clerk");

    // One desk for the whole run: the intake statement's commands are cached process-wide and keep
    // what was prepared on the connections of the data source that ran them first, so a second
    // data source in the same process runs into "prepared statement does not exist".
    private static readonly Lock Gate = new();
    private static ServiceWindowFactory? desk;

    public static async Task<List<Guid>> MakeAsync(string connectionString, int count)
    {
        var ids = new List<Guid>();
        lock (Gate)
        {
            desk ??= new ServiceWindowFactory(connectionString, clock: new ShiftedClock(ReferredAt));
        }
        var commands = desk.Services.GetRequiredService<CaseCommands>();
        for (var i = 0; i < count; i++)
        {
            var caseId = Guid.NewGuid();
            var opened = await commands.OpenAsync("inquiry-referral", caseId, new CaseCommand("log", Clerk, 0,
                new Dictionary<string, string> { ["channel"] = "phone", ["matter"] = "低保转移咨询", ["window"] = "marriage-1" }));
            await commands.ExecuteAsync(caseId, new CaseCommand("refer", Clerk, opened.Version,
                new Dictionary<string, string> { ["target_window"] = "assistance-1", ["contact"] = "0571-1234567" }));
            ids.Add(caseId);
        }
        return ids;
    }
}
