using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Admin.Definitions;

/// A stage's box in the diagram, by its top-left corner.
public sealed record DiagramStage(StageDefinition Stage, int X, int Y)
{
    public string CssClass => Stage.IsTerminal
        ? "stage terminal"
        : Stage.Clock switch
        {
            ClockMode.Stopped => "stage stopped",
            ClockMode.Paused => "stage paused",
            _ => "stage running",
        };
}
