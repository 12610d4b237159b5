using System.Text.Json.Serialization;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>
/// The sessions an office is open on a working day, in local time, ordered and not overlapping.
/// Working hours (<c>wh</c>) are counted only inside these sessions.
/// </summary>
public sealed record OfficeHours
{
    /// <summary>The national default: 09:00–12:00 and 13:30–17:30.</summary>
    public static OfficeHours Default { get; } = new([
        new OfficeSession(new TimeOnly(9, 0), new TimeOnly(12, 0)),
        new OfficeSession(new TimeOnly(13, 30), new TimeOnly(17, 30)),
    ]);

    private readonly OfficeSession[] sessions;

    /// <summary>Creates office hours from at least one session; sessions must be ordered and must not overlap.</summary>
    [JsonConstructor]
    public OfficeHours(IReadOnlyList<OfficeSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfZero(sessions.Count, nameof(sessions));
        for (var i = 1; i < sessions.Count; i++)
        {
            if (sessions[i].Start < sessions[i - 1].End)
            {
                throw new ArgumentException(
                    $"office session {sessions[i]} starts before {sessions[i - 1]} ends", nameof(sessions));
            }
        }
        this.sessions = [.. sessions];
        MinutesPerDay = this.sessions.Sum(s => s.Minutes);
    }

    /// <summary>The sessions, in order.</summary>
    public IReadOnlyList<OfficeSession> Sessions => sessions;

    /// <summary>When the office opens.</summary>
    [JsonIgnore]
    public TimeOnly Open => sessions[0].Start;

    /// <summary>When the office closes; deadlines in days end at this time.</summary>
    [JsonIgnore]
    public TimeOnly Close => sessions[^1].End;

    /// <summary>Working minutes in one working day.</summary>
    [JsonIgnore]
    public int MinutesPerDay { get; }

    /// <summary>Working minutes from the start of the day up to <paramref name="time"/>.</summary>
    public int MinutesBefore(TimeOnly time)
    {
        var total = 0;
        foreach (var session in sessions)
        {
            if (time <= session.Start)
            {
                break;
            }
            total += time >= session.End ? session.Minutes : (int)(time - session.Start).TotalMinutes;
        }
        return total;
    }

    /// <summary>
    /// The time of day at which <paramref name="minutes"/> working minutes (1..<see cref="MinutesPerDay"/>)
    /// have passed since opening. A period that uses up a session exactly ends at that session's close.
    /// </summary>
    public TimeOnly TimeAfter(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, MinutesPerDay);
        foreach (var session in sessions)
        {
            if (minutes <= session.Minutes)
            {
                return session.Start.AddMinutes(minutes);
            }
            minutes -= session.Minutes;
        }
        return Close;
    }

    /// <inheritdoc />
    public bool Equals(OfficeHours? other) =>
        other is not null && sessions.AsSpan().SequenceEqual(other.sessions);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var session in sessions)
        {
            hash.Add(session);
        }
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", sessions);
}
