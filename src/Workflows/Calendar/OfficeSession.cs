using System;
using System.Text.Json.Serialization;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>One stretch of office hours within a day, e.g. 09:00–12:00. <see cref="End"/> is exclusive.</summary>
public readonly record struct OfficeSession
{
    /// <summary>Creates a session; <paramref name="start"/> must come before <paramref name="end"/>.</summary>
    [JsonConstructor]
    public OfficeSession(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"office session {start:HH\\:mm}–{end:HH\\:mm} must end after it starts", nameof(end));
        }
        Start = start;
        End = end;
    }

    /// <summary>When the session opens.</summary>
    public TimeOnly Start { get; }

    /// <summary>When the session closes.</summary>
    public TimeOnly End { get; }

    /// <summary>Length of the session in whole minutes.</summary>
    public int Minutes => (int)(End - Start).TotalMinutes;

    /// <inheritdoc />
    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
