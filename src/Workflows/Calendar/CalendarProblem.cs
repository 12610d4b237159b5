namespace ServiceWindow.Workflows.Calendar;

/// <summary>One thing wrong with calendar data: the entry it concerns and what is wrong.</summary>
public sealed record CalendarProblem(string Entry, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Entry}: {Message}";
}
