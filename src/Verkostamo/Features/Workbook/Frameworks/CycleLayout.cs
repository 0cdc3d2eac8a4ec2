using static Verkostamo.Features.Workbook.Frameworks.FrameworkDrawing;

namespace Verkostamo.Features.Workbook.Frameworks;

/// <summary>
/// The geometry of a cycle drawing: numbered steps as boxes evenly round a ring (the first at twelve o'clock),
/// clockwise arrows on the ring between them, and a hub of words in the middle. The origin is the centre.
/// </summary>
internal sealed class CycleLayout
{
    public const double LineHeight = 19;
    public const double BadgeRadius = 15;
    private const double TopSpace = 26;
    private const double BottomSpace = 14;
    private const double HeadLength = 16;
    private const double Clearance = 8;
    private const double HubLineHeight = 21;

    public sealed record Node(int Number, IReadOnlyList<string> Lines, double Left, double Top, double Width, double Height, bool Current)
    {
        public double CentreX => Left + Width / 2;

        /// <summary>Baseline of each text line, under the number badge.</summary>
        public double LineY(int index) => Top + TopSpace + LineHeight * (index + 0.75);

        public double MarkerY => LineY(Lines.Count);
    }

    public sealed record Arrow(string Path, string Head, double StrokeWidth);

    public sealed record HubLine(string Text, double Y);

    public required IReadOnlyList<Node> Nodes { get; init; }
    public required IReadOnlyList<Arrow> Arrows { get; init; }
    public required IReadOnlyList<HubLine> Hub { get; init; }
    public required double HubRadius { get; init; }
    public required string ViewBox { get; init; }

    /// <param name="steps">The step texts in order.</param>
    /// <param name="hub">Words in the middle, each on its own line (wrapped when long).</param>
    /// <param name="current">The 1-based step to mark as current, if any.</param>
    /// <param name="growing">Arrows thicken step by step, for a loop that reinforces itself.</param>
    public static CycleLayout Create(IReadOnlyList<string> steps, IReadOnlyList<string> hub, int? current,
        double ringRadius, double boxWidth, int charsPerLine, bool growing)
    {
        var nodes = new List<Node>();
        for (var i = 0; i < steps.Count; i++)
        {
            var lines = Wrap(steps[i], charsPerLine);
            var isCurrent = current == i + 1;
            var height = TopSpace + LineHeight * (lines.Count + (isCurrent ? 1 : 0)) + BottomSpace;
            var (x, y) = Polar(ringRadius, Angle(i, steps.Count));
            nodes.Add(new Node(i + 1, lines, x - boxWidth / 2, y - height / 2, boxWidth, height, isCurrent));
        }

        var arrows = new List<Arrow>();
        for (var i = 0; i < nodes.Count && nodes.Count > 1; i++)
        {
            var next = (i + 1) % nodes.Count;
            var from = Angle(i, nodes.Count);
            var to = Angle(i, nodes.Count) + 360.0 / nodes.Count;
            while (from < to && Covers(nodes[i], Polar(ringRadius, from)))
            {
                from += 1;
            }
            while (to > from && Covers(nodes[next], Polar(ringRadius, to)))
            {
                to -= 1;
            }
            var headDegrees = Degrees(HeadLength, ringRadius);
            if (to - from <= headDegrees * 2)
            {
                continue; // the boxes nearly touch: an arrow would not fit between them
            }
            var width = growing ? 3 + i * 1.5 : 3;
            arrows.Add(new Arrow(
                Arc(ringRadius, from, to - headDegrees + 0.5),
                ClockwiseHead(ringRadius, to, HeadLength, 10 + width * 1.5),
                width));
        }

        var hubRadius = Math.Clamp(nodes.Count == 0 ? 115 : nodes.Min(DistanceFromCentre) - 14, 30, 115);
        var hubLines = hub.SelectMany(h => Wrap(h, 18)).ToList();
        var firstY = -(hubLines.Count - 1) * HubLineHeight / 2;
        var hubTexts = hubLines.Select((text, i) => new HubLine(text, firstY + i * HubLineHeight)).ToList();

        var minX = Math.Min(-ringRadius, nodes.Count == 0 ? 0 : nodes.Min(n => n.Left)) - Clearance;
        var maxX = Math.Max(ringRadius, nodes.Count == 0 ? 0 : nodes.Max(n => n.Left + n.Width)) + Clearance;
        var minY = Math.Min(-ringRadius, nodes.Count == 0 ? 0 : nodes.Min(n => n.Top - BadgeRadius)) - Clearance;
        var maxY = Math.Max(ringRadius, nodes.Count == 0 ? 0 : nodes.Max(n => n.Top + n.Height)) + Clearance;

        return new CycleLayout
        {
            Nodes = nodes,
            Arrows = arrows,
            Hub = hubTexts,
            HubRadius = hubRadius,
            ViewBox = $"{N(minX)} {N(minY)} {N(maxX - minX)} {N(maxY - minY)}",
        };
    }

    private static double Angle(int index, int count) => -90 + index * 360.0 / count;

    private static bool Covers(Node node, (double X, double Y) point) =>
        point.X >= node.Left - Clearance && point.X <= node.Left + node.Width + Clearance
        && point.Y >= node.Top - BadgeRadius - Clearance && point.Y <= node.Top + node.Height + Clearance;

    /// <summary>How far the box (with its badge) is from the centre: the room left for the hub.</summary>
    private static double DistanceFromCentre(Node node)
    {
        var dx = Math.Max(0, Math.Max(node.Left, -(node.Left + node.Width)));
        var dy = Math.Max(0, Math.Max(node.Top - BadgeRadius, -(node.Top + node.Height)));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
