using System.Globalization;

namespace ServiceWindow.Workflows.Engine;

/// The parts of a pending timer's key. Keys embed the stage entry, clock episode or last touch they
/// belong to, so a key is never reused for a later firing and a stale one is recognised.
internal readonly record struct TimerKey(string Kind, string Stage, string Name, int Level, int Episode, int Sequence)
{
    public const string StageKind = "stage";
    public const string EscalationKind = "escalation";
    public const string InactionKind = "inaction";

    public static string ForStage(string stage, string timer, int entrySequence) =>
        string.Create(CultureInfo.InvariantCulture, $"stage:{stage}:{timer}:{entrySequence}");

    public static string ForEscalation(int level, int episode, int entrySequence) =>
        string.Create(CultureInfo.InvariantCulture, $"escalation:{level}:{episode}:{entrySequence}");

    public static string ForInaction(int touchSequence) =>
        string.Create(CultureInfo.InvariantCulture, $"inaction:{touchSequence}");

    public static TimerKey? Parse(string key)
    {
        var parts = key.Split(':');
        return parts switch
        {
            [StageKind, var stage, var name, var entry] when Int(entry) is { } sequence =>
                new TimerKey(StageKind, stage, name, 0, 0, sequence),
            [EscalationKind, var level, var episode, var entry] when Int(level) is { } l && Int(episode) is { } e && Int(entry) is { } sequence =>
                new TimerKey(EscalationKind, "", "", l, e, sequence),
            [InactionKind, var touch] when Int(touch) is { } sequence =>
                new TimerKey(InactionKind, "", "", 0, 0, sequence),
            _ => null,
        };
    }

    private static int? Int(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
