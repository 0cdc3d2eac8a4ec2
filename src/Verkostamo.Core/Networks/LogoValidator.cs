using Verkostamo.Core.Common;

namespace Verkostamo.Core.Networks;

/// <summary>
/// Accepts PNG, JPEG and WebP by their magic bytes — never by file name or declared type — so a
/// renamed executable or an SVG (which can carry script) is refused.
/// </summary>
public static class LogoValidator
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxLogosPerNetwork = 6;

    public static ServiceResult<string> Detect(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return ServiceResult<string>.Fail(ErrorCodes.LogoEmpty);
        }
        if (content.Length > MaxBytes)
        {
            return ServiceResult<string>.Fail(ErrorCodes.LogoTooLarge);
        }
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (content.StartsWith(png) && content.Length > 24)
        {
            return ServiceResult<string>.Success("image/png");
        }
        if (content.Length > 4 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return ServiceResult<string>.Success("image/jpeg");
        }
        if (content.Length > 16 && content[..4].SequenceEqual("RIFF"u8) && content.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ServiceResult<string>.Success("image/webp");
        }
        return ServiceResult<string>.Fail(ErrorCodes.LogoWrongType);
    }
}
