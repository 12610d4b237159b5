using System;
using System.Text.Json.Serialization;

namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// A case clock read at one instant. While paused, the deadlines are those that would apply if the clock
/// resumed at that instant. Remaining time is measured to the promised deadline and is negative once it passed.
/// </summary>
/// <param name="At">The instant read (the stop instant for a stopped clock read later).</param>
/// <param name="State">Running, paused or stopped.</param>
/// <param name="Episode">The clock episode; escalation levels fire once per episode.</param>
/// <param name="Promised">The promised deadline, extensions included.</param>
/// <param name="Statutory">The statutory deadline, extensions up to the maximum included.</param>
/// <param name="PromisedLimit">The promised limit with extensions, e.g. 25wd after a 5wd extension.</param>
/// <param name="WorkingDaysUsed">Working days counted since acceptance, pauses excluded.</param>
/// <param name="WorkingDaysRemaining">Working days after today up to the promised due day; negative when overdue.</param>
/// <param name="WorkingMinutesRemaining">Office minutes until the promised deadline; negative when overdue.</param>
/// <param name="Warning">The warning level.</param>
public sealed record ClockSnapshot(
    DateTimeOffset At,
    ClockState State,
    int Episode,
    Deadline Promised,
    Deadline Statutory,
    TimeLimit PromisedLimit,
    int WorkingDaysUsed,
    int WorkingDaysRemaining,
    long WorkingMinutesRemaining,
    WarningLevel Warning)
{
    /// <summary>True while the clock counts.</summary>
    [JsonIgnore]
    public bool IsRunning => State == ClockState.Running;

    /// <summary>True while the clock stands still for a supplement or special stage.</summary>
    [JsonIgnore]
    public bool IsPaused => State == ClockState.Paused;
}
