using System;
using System.Collections.Generic;
using System.Linq;
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
        for (var i = 0; i < sessions.Count; i++)
        {
            // default(OfficeSession) bypasses the session's own check.
            if (sessions[i].End <= sessions[i].Start)
            {
                throw new ArgumentException($"office session {sessions[i]} must end after it starts", nameof(sessions));
            }
            if (i > 0 && sessions[i].Start < sessions[i - 1].End)
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

    /// <summary>Working seconds in one working day.</summary>
    [JsonIgnore]
    public int SecondsPerDay => MinutesPerDay * 60;

    /// <summary>Working seconds from the start of the day up to <paramref name="time"/>; a fraction of a second is not counted.</summary>
    public int SecondsBefore(TimeOnly time)
    {
        var total = 0;
        foreach (var session in sessions)
        {
            if (time <= session.Start)
            {
                break;
            }
            total += time >= session.End ? session.Minutes * 60 : (int)((time - session.Start).Ticks / TimeSpan.TicksPerSecond);
        }
        return total;
    }

    /// <summary>
    /// The time of day at which <paramref name="seconds"/> working seconds (0..<see cref="SecondsPerDay"/>)
    /// have passed since opening. A period that uses up a session exactly ends at that session's close.
    /// </summary>
    public TimeOnly TimeAfterSeconds(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, SecondsPerDay);
        foreach (var session in sessions)
        {
            if (seconds <= session.Minutes * 60)
            {
                return session.Start.Add(TimeSpan.FromSeconds(seconds));
            }
            seconds -= session.Minutes * 60;
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
