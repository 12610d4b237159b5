using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// The immutable clock of one case: started at acceptance, paused and resumed around supplements and special
/// stages that do not count, extended with approval, stopped at completion. Each change returns a new clock;
/// deadlines are read through <see cref="Snapshot"/> on a calendar.
/// </summary>
/// <remarks>
/// Paused time is measured in the promised limit's unit: working days after the pause date up to the resume
/// date (the resume day is not counted, like an acceptance day), calendar days, or office seconds.
/// </remarks>
public sealed record ServiceClock
{
    private readonly ClockPause[] pauses;
    private readonly ClockExtension[] extensions;
    private readonly DeadlineHold[] holds;
    private readonly DeadlineMove[] moves;

    /// <summary>Restores a clock from its parts, as stored; use <see cref="Start"/> for a new case.</summary>
    [JsonConstructor]
    public ServiceClock(
        DateTimeOffset acceptedAt,
        TimeLimit promisedLimit,
        TimeLimit statutoryLimit,
        TimeLimit maxExtension,
        int episode,
        IReadOnlyList<ClockPause>? pauses = null,
        IReadOnlyList<ClockExtension>? extensions = null,
        DateTimeOffset? stoppedAt = null,
        IReadOnlyList<DeadlineHold>? holds = null,
        IReadOnlyList<DeadlineMove>? moves = null)
    {
        if (promisedLimit.Unit != statutoryLimit.Unit)
        {
            throw new ArgumentException($"promised limit {promisedLimit} and statutory limit {statutoryLimit} use different units", nameof(statutoryLimit));
        }
        if (promisedLimit.Amount > statutoryLimit.Amount)
        {
            throw new ArgumentException($"promised limit {promisedLimit} exceeds statutory limit {statutoryLimit}", nameof(promisedLimit));
        }
        if (maxExtension.Amount > 0 && maxExtension.Unit != promisedLimit.Unit)
        {
            throw new ArgumentException($"maximum extension {maxExtension} and promised limit {promisedLimit} use different units", nameof(maxExtension));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(episode, 1);
        AcceptedAt = acceptedAt;
        PromisedLimit = promisedLimit;
        StatutoryLimit = statutoryLimit;
        MaxExtension = maxExtension.Amount == 0 ? new TimeLimit(0, promisedLimit.Unit) : maxExtension;
        Episode = episode;
        this.pauses = [.. pauses ?? []];
        this.extensions = [.. extensions ?? []];
        this.holds = [.. holds ?? []];
        this.moves = [.. moves ?? []];
        StoppedAt = stoppedAt;
        var last = acceptedAt;
        for (var i = 0; i < this.pauses.Length; i++)
        {
            var pause = this.pauses[i];
            if (pause.PausedAt < last || pause.ResumedAt < pause.PausedAt || (pause.ResumedAt is null && i != this.pauses.Length - 1))
            {
                throw new ArgumentException($"pause {i} ({pause.PausedAt:O}) is out of order", nameof(pauses));
            }
            last = pause.ResumedAt ?? pause.PausedAt;
        }
        if (stoppedAt < last)
        {
            throw new ArgumentException($"stopped at {stoppedAt:O}, before the clock's last change at {last:O}", nameof(stoppedAt));
        }
        if (PromisedLimit.Amount + this.extensions.Sum(e => e.Extra.Amount) > StatutoryLimit.Amount + MaxExtension.Amount)
        {
            throw new ArgumentException("extensions exceed the statutory limit plus the maximum extension", nameof(extensions));
        }
    }

    /// <summary>When the case was accepted; the acceptance day is not counted.</summary>
    public DateTimeOffset AcceptedAt { get; }

    /// <summary>The published promised limit, before extensions.</summary>
    public TimeLimit PromisedLimit { get; }

    /// <summary>The legal limit, before extensions.</summary>
    public TimeLimit StatutoryLimit { get; }

    /// <summary>The most the statutory limit may be extended by.</summary>
    public TimeLimit MaxExtension { get; }

    /// <summary>Starts at 1 and grows on each resume and extension: each issues a new deadline, so warning levels may fire again.</summary>
    public int Episode { get; }

    /// <summary>Pauses in order; only the last may still be open.</summary>
    public IReadOnlyList<ClockPause> Pauses => pauses;

    /// <summary>Approved extensions in order.</summary>
    public IReadOnlyList<ClockExtension> Extensions => extensions;

    /// <summary>When the case was completed, or null while it is open.</summary>
    public DateTimeOffset? StoppedAt { get; }

    /// <summary>Printed deadlines kept after a calendar change would have moved them.</summary>
    public IReadOnlyList<DeadlineHold> Holds => holds;

    /// <summary>Printed deadlines an administrator moved after a calendar change, with both dates.</summary>
    public IReadOnlyList<DeadlineMove> Moves => moves;

    /// <summary>Where the clock stands.</summary>
    [JsonIgnore]
    public ClockState State => StoppedAt is not null
        ? ClockState.Stopped
        : pauses.Length > 0 && pauses[^1].ResumedAt is null ? ClockState.Paused : ClockState.Running;

    /// <summary>The promised limit with every approved extension added.</summary>
    [JsonIgnore]
    public TimeLimit ExtendedPromisedLimit => new(PromisedLimit.Amount + extensions.Sum(e => e.Extra.Amount), PromisedLimit.Unit);

    /// <summary>The statutory limit with extensions added up to <see cref="MaxExtension"/>.</summary>
    [JsonIgnore]
    public TimeLimit ExtendedStatutoryLimit =>
        new(StatutoryLimit.Amount + Math.Min(extensions.Sum(e => e.Extra.Amount), MaxExtension.Amount), StatutoryLimit.Unit);

    /// <summary>Starts the clock of a case accepted at <paramref name="acceptedAt"/>.</summary>
    public static ServiceClock Start(DateTimeOffset acceptedAt, TimeLimit promised, TimeLimit statutory, TimeLimit maxExtension) =>
        new(acceptedAt, promised, statutory, maxExtension, episode: 1);

    /// <summary>Stops the clock for a supplement or a special stage that does not count.</summary>
    public ServiceClock Pause(DateTimeOffset at, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Require(ClockState.Running, "pause");
        RequireNotBefore(at, "pause");
        return With(pauses: [.. pauses, new ClockPause(at, reason)]);
    }

    /// <summary>Restarts a paused clock; starts a new <see cref="Episode"/>.</summary>
    public ServiceClock Resume(DateTimeOffset at)
    {
        Require(ClockState.Paused, "resume");
        RequireNotBefore(at, "resume");
        return With(pauses: [.. pauses[..^1], pauses[^1] with { ResumedAt = at }], episode: Episode + 1);
    }

    /// <summary>
    /// Adds an approved extension to the promised limit and starts a new <see cref="Episode"/>. Refused with
    /// <see cref="ExtensionRefusedException"/> once the promised deadline has passed or when the total would
    /// exceed the statutory limit plus the maximum extension.
    /// </summary>
    public ServiceClock Extend(DateTimeOffset at, TimeLimit extra, string approvedBy, WorkingCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approvedBy);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfZero(extra.Amount, nameof(extra));
        if (extra.Unit != PromisedLimit.Unit)
        {
            throw new ArgumentException($"extension {extra} must be counted like the promised limit {PromisedLimit}", nameof(extra));
        }
        if (State == ClockState.Stopped)
        {
            throw new InvalidOperationException($"cannot extend: the clock is {State}");
        }
        RequireNotBefore(at, "extend");
        var promised = Snapshot(calendar, at, WarningThresholds.Default).Promised;
        if (at > promised.Due)
        {
            throw new ExtensionRefusedException(
                $"extension asked at {at:O}, after the promised deadline {promised.Due:O}; the case stays overdue");
        }
        var total = ExtendedPromisedLimit.Amount + extra.Amount;
        var cap = StatutoryLimit.Amount + MaxExtension.Amount;
        if (total > cap)
        {
            throw new ExtensionRefusedException(
                $"extension {extra} would bring the limit to {new TimeLimit(total, PromisedLimit.Unit)}, beyond statutory {StatutoryLimit} plus maximum extension {MaxExtension}");
        }
        return With(extensions: [.. extensions, new ClockExtension(at, extra, approvedBy)], episode: Episode + 1);
    }

    /// <summary>Stops the clock at completion.</summary>
    public ServiceClock Stop(DateTimeOffset at)
    {
        if (State == ClockState.Stopped)
        {
            throw new InvalidOperationException("cannot stop: the clock is Stopped");
        }
        RequireNotBefore(at, "stop");
        var closed = State == ClockState.Paused ? [.. pauses[..^1], pauses[^1] with { ResumedAt = at }] : pauses;
        return With(pauses: closed, stoppedAt: at);
    }

    /// <summary>
    /// The clock read at <paramref name="now"/> on <paramref name="calendar"/>: deadlines, time used and
    /// remaining, and the warning level by <paramref name="thresholds"/>.
    /// </summary>
    public ClockSnapshot Snapshot(WorkingCalendar calendar, DateTimeOffset now, WarningThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(thresholds);
        var at = StoppedAt is { } stopped && stopped < now ? stopped : now;
        if (at < AcceptedAt)
        {
            at = AcceptedAt;
        }
        var paused = PausedUntil(calendar, at);
        var state = State;
        var promisedLimit = ExtendedPromisedLimit;
        var promised = Held(DeadlineKind.Promised, state) ?? DeadlineCalculator.Due(calendar, AcceptedAt, promisedLimit, paused);
        var statutory = Held(DeadlineKind.Statutory, state) ?? DeadlineCalculator.Due(calendar, AcceptedAt, ExtendedStatutoryLimit, paused);

        var today = calendar.LocalDate(at);
        var dueDay = calendar.LocalDate(promised.Due);
        var used = Math.Max(0, calendar.WorkingDaysBetween(calendar.LocalDate(AcceptedAt), today) - paused.WorkingDays);
        var remainingDays = calendar.WorkingDaysBetween(today, dueDay);
        var remainingMinutes = (calendar.WorkingSecondPosition(promised.Due) - calendar.WorkingSecondPosition(at)) / 60;

        var warning = WarningLevel.None;
        if (at > statutory.Due)
        {
            warning = WarningLevel.StatutoryRed;
        }
        else if (at > promised.Due)
        {
            warning = WarningLevel.Red;
        }
        else if (state == ClockState.Running && thresholds.IsYellow(calendar, promisedLimit, promised.Due, at))
        {
            warning = WarningLevel.Yellow;
        }
        return new ClockSnapshot(at, state, Episode, promised, statutory, promisedLimit, used, remainingDays, remainingMinutes, warning);
    }

    /// <summary>Keeps a printed deadline for the current episode after a calendar change would have moved it.</summary>
    public ServiceClock Hold(DeadlineKind kind, DateTimeOffset due) =>
        With(holds: [.. holds.Where(h => h.Kind != kind), new DeadlineHold(kind, due, Episode)]);

    /// <summary>Drops the hold on a deadline, if any, so the calendar decides it again.</summary>
    internal ServiceClock Release(DeadlineKind kind) =>
        holds.Any(h => h.Kind == kind) ? With(holds: [.. holds.Where(h => h.Kind != kind)]) : this;

    /// <summary>
    /// An administrator moves a held deadline to what <paramref name="calendar"/> gives; the printed date and
    /// the new one are both kept in <see cref="Moves"/>.
    /// </summary>
    public ServiceClock MoveDeadline(DeadlineKind kind, DateTimeOffset at, string movedBy, WorkingCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(movedBy);
        ArgumentNullException.ThrowIfNull(calendar);
        var before = Snapshot(calendar, at, WarningThresholds.Default);
        var released = Release(kind);
        var after = released.Snapshot(calendar, at, WarningThresholds.Default);
        var (from, to) = kind == DeadlineKind.Promised ? (before.Promised.Due, after.Promised.Due) : (before.Statutory.Due, after.Statutory.Due);
        return released.With(moves: [.. moves, new DeadlineMove(kind, from, to, at, movedBy)]);
    }

    /// <inheritdoc />
    public bool Equals(ServiceClock? other) =>
        other is not null
        && AcceptedAt == other.AcceptedAt
        && AcceptedAt.Offset == other.AcceptedAt.Offset
        && PromisedLimit == other.PromisedLimit
        && StatutoryLimit == other.StatutoryLimit
        && MaxExtension == other.MaxExtension
        && Episode == other.Episode
        && StoppedAt == other.StoppedAt
        && pauses.AsSpan().SequenceEqual(other.pauses)
        && extensions.AsSpan().SequenceEqual(other.extensions)
        && holds.AsSpan().SequenceEqual(other.holds)
        && moves.AsSpan().SequenceEqual(other.moves);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AcceptedAt, PromisedLimit, Episode, pauses.Length, extensions.Length, StoppedAt);

    private Deadline? Held(DeadlineKind kind, ClockState state)
    {
        if (state == ClockState.Paused)
        {
            return null;
        }
        foreach (var hold in holds)
        {
            if (hold.Kind == kind && hold.Episode == Episode)
            {
                return new Deadline(hold.Due, false);
            }
        }
        return null;
    }

    private PausedTime PausedUntil(WorkingCalendar calendar, DateTimeOffset at)
    {
        var total = default(PausedTime);
        foreach (var pause in pauses)
        {
            var from = pause.PausedAt;
            var to = pause.ResumedAt ?? at;
            if (to < from)
            {
                continue;
            }
            var fromDate = calendar.LocalDate(from);
            var toDate = calendar.LocalDate(to);
            total = total.Plus(new PausedTime(
                calendar.WorkingDaysBetween(fromDate, toDate),
                toDate.DayNumber - fromDate.DayNumber,
                calendar.WorkingSecondPosition(to) - calendar.WorkingSecondPosition(from)));
        }
        return total;
    }

    private void Require(ClockState expected, string action)
    {
        if (State != expected)
        {
            throw new InvalidOperationException($"cannot {action}: the clock is {State}");
        }
    }

    private void RequireNotBefore(DateTimeOffset at, string action)
    {
        var last = pauses.Length == 0 ? AcceptedAt : pauses[^1].ResumedAt ?? pauses[^1].PausedAt;
        if (extensions.Length > 0 && extensions[^1].ApprovedAt > last)
        {
            last = extensions[^1].ApprovedAt;
        }
        if (at < last)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"cannot {action} at {at:O}, before the clock's last change at {last:O}");
        }
    }

    private ServiceClock With(
        ClockPause[]? pauses = null,
        ClockExtension[]? extensions = null,
        int? episode = null,
        DateTimeOffset? stoppedAt = null,
        DeadlineHold[]? holds = null,
        DeadlineMove[]? moves = null) =>
        new(AcceptedAt, PromisedLimit, StatutoryLimit, MaxExtension, episode ?? Episode,
            pauses ?? this.pauses, extensions ?? this.extensions, stoppedAt ?? StoppedAt, holds ?? this.holds, moves ?? this.moves);
}
