using System.Buffers.Binary;

namespace Verkostamo.Core.Exports;

/// <summary>The pixel size of a PNG or JPEG logo, read from its header so that a document keeps its proportions.</summary>
internal static class ImageSize
{
    public sealed record Size(string ContentType, int Width, int Height);

    /// <summary>Null for anything but a readable PNG or JPEG: Office documents do not all show WebP, so such a logo is left out.</summary>
    public static Size? Of(byte[] bytes)
    {
        if (bytes.Length >= 24 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G')
        {
            var w = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
            var h = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
            return w > 0 && h > 0 ? new Size("image/png", w, h) : null;
        }
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < bytes.Length)
            {
                if (bytes[i] != 0xFF)
                {
                    return null;
                }
                var marker = bytes[i + 1];
                var length = (bytes[i + 2] << 8) | bytes[i + 3];
                // Start-of-frame markers (baseline, progressive…) carry the size; C4, C8 and CC are not frames.
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    var h = (bytes[i + 5] << 8) | bytes[i + 6];
                    var w = (bytes[i + 7] << 8) | bytes[i + 8];
                    return w > 0 && h > 0 ? new Size("image/jpeg", w, h) : null;
                }
                if (length < 2)
                {
                    return null;
                }
                i += 2 + length;
            }
        }
        return null;
    }
}
