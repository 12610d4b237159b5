using System.Collections.Generic;

namespace ServiceWindow.Workflows.Engine.Timers;

/// Every timer kind the engine knows, in the order their timers are scheduled.
internal static class TimerRules
{
    public static IReadOnlyList<ITimerRule> All { get; } = [StageTimer.Instance, EscalationTimer.Instance, InactionTimer.Instance];

    public static ITimerRule? For(string kind)
    {
        foreach (var rule in All)
        {
            if (rule.Kind == kind)
            {
                return rule;
            }
        }
        return null;
    }
}
