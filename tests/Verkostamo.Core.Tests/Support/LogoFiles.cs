using System.Text;

namespace Verkostamo.Core.Tests.Support;

/// <summary>Byte contents that look like image files (and files that only pretend to be) by their headers.</summary>
public static class LogoFiles
{
    public static byte[] Png(int length = 64) =>
        Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], length);

    public static byte[] Jpeg(int length = 64) => Fill([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], length);

    public static byte[] WebP(int length = 64) => Fill([.. "RIFF"u8, 0x38, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8], length);

    /// <summary>A Windows executable's header: what a renamed "logo.png" could really be.</summary>
    public static byte[] Executable() => Fill([.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04], 128);

    public static byte[] Svg() =>
        Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>");

    private static byte[] Fill(byte[] header, int length)
    {
        var content = new byte[Math.Max(length, header.Length)];
        header.CopyTo(content, 0);
        for (var i = header.Length; i < content.Length; i++)
        {
            content[i] = (byte)(i % 251);
        }
        return content;
    }
}
