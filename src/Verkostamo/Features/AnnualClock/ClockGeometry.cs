using System.Globalization;
using Verkostamo.Core.AnnualClock;

namespace Verkostamo.Features.AnnualClock;

/// <summary>Where things go on the wheel: a year clockwise from the top, one ring per <see cref="ClockRing"/>, outermost first.</summary>
public static class ClockGeometry
{
    public const double Outer = 290;
    public const double MonthBand = 26;
    public const double RingWidth = 26;
    public const double RingGap = 3;

    public static readonly ClockRing[] Rings = Enum.GetValues<ClockRing>();

    public static double RingOuter(ClockRing ring) => Outer - MonthBand - RingGap - (int)ring * (RingWidth + RingGap);

    public static double RingInner(ClockRing ring) => RingOuter(ring) - RingWidth;

    public static double Centre => RingInner(Rings[^1]) - RingGap;

    /// <summary>The angle (radians, 0 = top, clockwise) of the start of <paramref name="day"/>.</summary>
    public static double Angle(DateOnly day)
    {
        var daysInYear = DateTime.IsLeapYear(day.Year) ? 366 : 365;
        return 2 * Math.PI * (day.DayOfYear - 1) / daysInYear;
    }

    public static double AngleAtEndOf(DateOnly day) =>
        day.Month == 12 && day.Day == 31 ? 2 * Math.PI : Angle(day.AddDays(1));

    public static (double X, double Y) Point(double angle, double radius) => (radius * Math.Sin(angle), -radius * Math.Cos(angle));

    /// <summary>An annular sector from <paramref name="from"/> to <paramref name="to"/> between two radii, as SVG path data.</summary>
    public static string Sector(double from, double to, double inner, double outer)
    {
        // A full circle cannot be one arc; stop just short of it.
        to = Math.Min(to, from + 2 * Math.PI - 0.0001);
        var large = to - from > Math.PI ? 1 : 0;
        var (x1, y1) = Point(from, outer);
        var (x2, y2) = Point(to, outer);
        var (x3, y3) = Point(to, inner);
        var (x4, y4) = Point(from, inner);
        return string.Create(CultureInfo.InvariantCulture,
            $"M{x1:0.##},{y1:0.##} A{outer:0.##},{outer:0.##} 0 {large} 1 {x2:0.##},{y2:0.##} L{x3:0.##},{y3:0.##} A{inner:0.##},{inner:0.##} 0 {large} 0 {x4:0.##},{y4:0.##} Z");
    }

    /// <summary>The sector of an item clipped to the shown year; single days get a minimum width so they can be seen and clicked.</summary>
    public static string ItemPath(ClockItem item, int year)
    {
        var first = item.Start.Year < year ? new DateOnly(year, 1, 1) : item.Start;
        var last = item.End.Year > year ? new DateOnly(year, 12, 31) : item.End;
        var from = Angle(first);
        var to = Math.Max(AngleAtEndOf(last), from + 2 * Math.PI * 2.5 / 365);
        return Sector(from, to, RingInner(item.Ring) + 1, RingOuter(item.Ring) - 1);
    }

    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
