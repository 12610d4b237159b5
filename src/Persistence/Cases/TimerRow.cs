namespace ServiceWindow.Persistence.Cases;

/// A timer to (re)schedule on a case; the key is unique per case, so scheduling it again moves it.
public sealed record TimerRow
{
    public TimerRow(string key, string name, DateTimeOffset dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Key = key;
        Name = name;
        DueAt = dueAt;
    }

    public string Key { get; }
    public string Name { get; }
    public DateTimeOffset DueAt { get; }
}
