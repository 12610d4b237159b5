using System.Globalization;

namespace ServiceWindow.Host.Pages.Admin.Definitions;

/// A transition drawn between two stage boxes: forward edges left to right, edges within a column
/// on its right, the loops back (materials received, objection upheld) as an arc below.
public sealed record DiagramEdge(DiagramStage From, DiagramStage To, string Label, bool Timer)
{
    public string Path
    {
        get
        {
            const int w = DefinitionDiagram.BoxWidth;
            const int h = DefinitionDiagram.BoxHeight;
            if (To.X > From.X)
            {
                double x1 = From.X + w, y1 = From.Y + h / 2.0, x2 = To.X - 4, y2 = To.Y + h / 2.0;
                var mid = (x1 + x2) / 2;
                return Format($"M {x1} {y1} C {mid} {y1}, {mid} {y2}, {x2} {y2}");
            }
            if (To.X == From.X)
            {
                // Within one column: out of the right side and back in, clear of the boxes between.
                double rx = From.X + w, fy = From.Y + h / 2.0 + 8, ty2 = To.Y + h / 2.0 - 8;
                return Format($"M {rx} {fy} C {rx + 40} {fy}, {rx + 40} {ty2}, {rx + 4} {ty2}");
            }
            double sx = From.X + w / 2.0, sy = From.Y + h, tx = To.X + w / 2.0 + 12, ty = To.Y + h + 4;
            var depth = Math.Max(sy, ty) + 30;
            return Format($"M {sx} {sy} C {sx} {depth}, {tx} {depth}, {tx} {ty}");
        }
    }

    private static string Format(FormattableString path) => path.ToString(CultureInfo.InvariantCulture);
}
