namespace Verkostamo.Resources;

/// <summary>Marker for the one UI resource set (SharedResource.resx = Finnish, .sv, .en).</summary>
public sealed class SharedResource
{
    private SharedResource()
    {
    }
}
