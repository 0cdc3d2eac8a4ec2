namespace Verkostamo.Core.Common;

/// <summary>Caps on user text, enforced in Core and mirrored as maxlength in forms.</summary>
public static class TextLimits
{
    public const int Name = 120;
    public const int ShortText = 200;
    public const int Description = 4000;
    public const int Email = 256;
    public const int Message = 4000;
}
