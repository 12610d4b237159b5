using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Admin.Definitions;

/// A definition laid out for drawing: stages in columns by their distance from the opening
/// actions, and one edge per action or timer that moves the case to another stage.
public sealed class DefinitionDiagram
{
    public const int BoxWidth = 150;
    public const int BoxHeight = 60;
    private const int ColumnGap = 54;
    private const int RowGap = 28;
    private const int Margin = 24;

    private DefinitionDiagram(IReadOnlyList<DiagramStage> stages, IReadOnlyList<DiagramEdge> edges, int width, int height)
    {
        Stages = stages;
        Edges = edges;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<DiagramStage> Stages { get; }

    public IReadOnlyList<DiagramEdge> Edges { get; }

    public int Width { get; }

    public int Height { get; }

    public static DefinitionDiagram Of(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var edges = new List<(string From, string To, string Label, bool Timer)>();
        foreach (var stage in definition.Stages)
        {
            edges.AddRange(stage.Actions.Where(a => a.Target is not null && a.Target != stage.Id).Select(a => (stage.Id, a.Target!, a.Id, false)));
            edges.AddRange(stage.Timers.Where(t => t.Target is not null && t.Target != stage.Id).Select(t => (stage.Id, t.Target!, t.Id, true)));
        }

        // Breadth-first from the stages a case opens in: a stage's column is its shortest distance.
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var target in definition.Start.Select(a => a.Target).OfType<string>().Distinct())
        {
            column[target] = 0;
            queue.Enqueue(target);
        }
        while (queue.TryDequeue(out var id))
        {
            foreach (var edge in edges.Where(e => e.From == id && !column.ContainsKey(e.To)))
            {
                column[edge.To] = column[id] + 1;
                queue.Enqueue(edge.To);
            }
        }
        var unreachableColumn = column.Count == 0 ? 0 : column.Values.Max() + 1;
        var rows = new Dictionary<int, int>();
        var stages = new List<DiagramStage>();
        foreach (var stage in definition.Stages)
        {
            var c = column.TryGetValue(stage.Id, out var found) ? found : unreachableColumn;
            var r = rows.TryGetValue(c, out var used) ? used : 0;
            rows[c] = r + 1;
            stages.Add(new DiagramStage(stage, Margin + c * (BoxWidth + ColumnGap), Margin + 20 + r * (BoxHeight + RowGap)));
        }
        var byId = stages.ToDictionary(s => s.Stage.Id, StringComparer.Ordinal);
        var diagramEdges = edges
            .Where(e => byId.ContainsKey(e.From) && byId.ContainsKey(e.To))
            .Select(e => new DiagramEdge(byId[e.From], byId[e.To], e.Label, e.Timer))
            .ToList();
        var width = stages.Max(s => s.X) + BoxWidth + Margin;
        var height = stages.Max(s => s.Y) + BoxHeight + Margin + 40;
        return new DefinitionDiagram(stages, diagramEdges, width, height);
    }
}
