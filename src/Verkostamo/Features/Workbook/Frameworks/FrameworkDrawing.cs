using System.Globalization;
using System.Text;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Features.Workbook.Frameworks;

/// <summary>Small drawing helpers shared by the framework components.</summary>
internal static class FrameworkDrawing
{
    /// <summary>
    /// A number for an SVG attribute. SVG wants a dot as the decimal separator whatever the UI culture is;
    /// Finnish and Swedish would otherwise write a comma and break the drawing.
    /// </summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The kind as a CSS modifier: <c>SectorLevelMatrix</c> becomes <c>sector-level-matrix</c>.</summary>
    public static string KindClass(FrameworkKind kind)
    {
        var name = kind.ToString();
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                result.Append('-');
            }
            result.Append(char.ToLowerInvariant(name[i]));
        }
        return result.ToString();
    }

    /// <summary>
    /// Breaks a text into lines of at most <paramref name="maxChars"/> characters at spaces, because SVG text does
    /// not wrap by itself. A word longer than a line keeps a line of its own.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int maxChars)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>A point at <paramref name="degrees"/> (0 = three o'clock, growing clockwise) on a circle around the origin.</summary>
    public static (double X, double Y) Polar(double radius, double degrees)
    {
        var radians = degrees * Math.PI / 180;
        return (radius * Math.Cos(radians), radius * Math.Sin(radians));
    }

    /// <summary>An SVG path along a circle around the origin, clockwise from one angle to another.</summary>
    public static string Arc(double radius, double fromDegrees, double toDegrees)
    {
        var (x1, y1) = Polar(radius, fromDegrees);
        var (x2, y2) = Polar(radius, toDegrees);
        var large = toDegrees - fromDegrees > 180 ? 1 : 0;
        return $"M {N(x1)} {N(y1)} A {N(radius)} {N(radius)} 0 {large} 1 {N(x2)} {N(y2)}";
    }

    /// <summary>A wedge from the origin, clockwise between two angles.</summary>
    public static string Wedge(double radius, double fromDegrees, double toDegrees) =>
        $"M 0 0 L {Arc(radius, fromDegrees, toDegrees)[2..]} Z";

    /// <summary>
    /// A triangular arrowhead whose tip sits on the circle at <paramref name="tipDegrees"/>, pointing clockwise
    /// along the circle.
    /// </summary>
    public static string ClockwiseHead(double radius, double tipDegrees, double length, double width)
    {
        var (tx, ty) = Polar(radius, tipDegrees);
        var (dx, dy) = Polar(1, tipDegrees + 90);
        var (bx, by) = (tx - dx * length, ty - dy * length);
        var (nx, ny) = (-dy * width / 2, dx * width / 2);
        return $"M {N(tx)} {N(ty)} L {N(bx + nx)} {N(by + ny)} L {N(bx - nx)} {N(by - ny)} Z";
    }

    /// <summary>The angle that an arc of <paramref name="length"/> covers on a circle of <paramref name="radius"/>.</summary>
    public static double Degrees(double length, double radius) => length / radius * 180 / Math.PI;
}
