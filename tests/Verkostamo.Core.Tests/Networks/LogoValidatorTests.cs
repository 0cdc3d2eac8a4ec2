using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Networks;

public class LogoValidatorTests
{
    [Fact]
    public void Detects_png_jpeg_and_webp_by_their_magic_bytes()
    {
        Assert.Equal("image/png", LogoValidator.Detect(LogoFiles.Png()).Value);
        Assert.Equal("image/jpeg", LogoValidator.Detect(LogoFiles.Jpeg()).Value);
        Assert.Equal("image/webp", LogoValidator.Detect(LogoFiles.WebP()).Value);
    }

    [Fact]
    public void Refuses_executables_svg_text_and_truncated_headers()
    {
        Assert.Equal(ErrorCodes.LogoWrongType, LogoValidator.Detect(LogoFiles.Executable()).ErrorCode);
        Assert.Equal(ErrorCodes.LogoWrongType, LogoValidator.Detect(LogoFiles.Svg()).ErrorCode);
        Assert.Equal(ErrorCodes.LogoWrongType, LogoValidator.Detect("GIF89a-not-supported-here"u8).ErrorCode);
        // A bare PNG signature is no image at all.
        Assert.Equal(ErrorCodes.LogoWrongType, LogoValidator.Detect(LogoFiles.Png().AsSpan(0, 8)).ErrorCode);
        // RIFF is also the container of WAV and AVI.
        Assert.Equal(ErrorCodes.LogoWrongType, LogoValidator.Detect([.. "RIFF"u8, 0, 0, 0, 0, .. "WAVEfmt "u8, 0, 0, 0, 0]).ErrorCode);
    }

    [Fact]
    public void Refuses_empty_content() =>
        Assert.Equal(ErrorCodes.LogoEmpty, LogoValidator.Detect([]).ErrorCode);

    [Fact]
    public void Accepts_exactly_the_size_limit_and_refuses_one_byte_more()
    {
        Assert.True(LogoValidator.Detect(LogoFiles.Png(LogoValidator.MaxBytes)).Succeeded);
        Assert.Equal(ErrorCodes.LogoTooLarge, LogoValidator.Detect(LogoFiles.Png(LogoValidator.MaxBytes + 1)).ErrorCode);
    }
}
