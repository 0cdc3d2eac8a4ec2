namespace Verkostamo.Components.Shared;

/// <summary>
/// Times as the product's users read them: in Finnish time (Europe/Helsinki), whatever zone the server
/// runs in. Stored times stay UTC.
/// </summary>
public static class DisplayTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    public static DateTimeOffset InFinland(this DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);
}
