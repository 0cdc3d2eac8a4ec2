using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Networks;

public class NetworkLogoTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private NetworkService Service => new(fixture.Factory, clock);

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("webp", "image/webp")]
    public async Task AddLogo_accepts_images_by_content_whatever_their_name(string kind, string expectedType)
    {
        var network = await fixture.NetworkAsync(clock);
        var content = kind switch { "png" => LogoFiles.Png(), "jpeg" => LogoFiles.Jpeg(), _ => LogoFiles.WebP() };

        var added = await Service.AddLogoAsync(network.Id, network.Facilitator.Id, "kuva.bin", content);

        Assert.True(added.Succeeded, added.ErrorCode);
        var logo = await Service.GetLogoAsync(network.Id, network.Viewer.Id, added.Value);
        Assert.NotNull(logo);
        Assert.Equal(expectedType, logo.ContentType);
        Assert.Equal(content, logo.Content);
        var info = Assert.Single((await Service.GetAsync(network.Id, network.Member.Id))!.Logos);
        Assert.Equal((added.Value, expectedType, "kuva.bin"), (info.Id, info.ContentType, info.FileName));
    }

    [Fact]
    public async Task AddLogo_refuses_a_renamed_executable_an_svg_empty_and_oversized_content()
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.Equal(ErrorCodes.LogoWrongType, (await Service.AddLogoAsync(network.Id, network.Owner.Id, "logo.png", LogoFiles.Executable())).ErrorCode);
        Assert.Equal(ErrorCodes.LogoWrongType, (await Service.AddLogoAsync(network.Id, network.Owner.Id, "logo.svg", LogoFiles.Svg())).ErrorCode);
        Assert.Equal(ErrorCodes.LogoEmpty, (await Service.AddLogoAsync(network.Id, network.Owner.Id, "logo.png", [])).ErrorCode);
        Assert.Equal(ErrorCodes.LogoTooLarge, (await Service.AddLogoAsync(network.Id, network.Owner.Id, "logo.png", LogoFiles.Png(LogoValidator.MaxBytes + 1))).ErrorCode);

        await using var db = fixture.Db();
        Assert.False(await db.NetworkLogos.AnyAsync(l => l.NetworkId == network.Id));
    }

    [Theory]
    [InlineData("../../etc/logo.png")]
    [InlineData(@"C:\Users\matti\Kuvat\logo.png")]
    public async Task AddLogo_keeps_only_the_file_name_of_a_path(string path)
    {
        var network = await fixture.NetworkAsync(clock);

        var added = await Service.AddLogoAsync(network.Id, network.Owner.Id, path, LogoFiles.Png());

        Assert.Equal("logo.png", Assert.Single((await Service.GetAsync(network.Id, network.Owner.Id))!.Logos).FileName);
        Assert.True(added.Succeeded);
    }

    [Fact]
    public async Task The_seventh_logo_is_refused_until_one_is_removed()
    {
        var network = await fixture.NetworkAsync(clock);
        var ids = new List<Guid>();
        for (var i = 0; i < LogoValidator.MaxLogosPerNetwork; i++)
        {
            var added = await Service.AddLogoAsync(network.Id, network.Owner.Id, $"logo{i}.png", LogoFiles.Png());
            Assert.True(added.Succeeded, added.ErrorCode);
            ids.Add(added.Value);
        }

        Assert.Equal(ErrorCodes.LogoLimit, (await Service.AddLogoAsync(network.Id, network.Owner.Id, "logo7.png", LogoFiles.Png())).ErrorCode);

        Assert.True((await Service.RemoveLogoAsync(network.Id, network.Owner.Id, ids[2])).Succeeded);
        var seventh = await Service.AddLogoAsync(network.Id, network.Owner.Id, "logo7.png", LogoFiles.Jpeg());
        Assert.True(seventh.Succeeded, seventh.ErrorCode);
        var logos = (await Service.GetAsync(network.Id, network.Owner.Id))!.Logos;
        Assert.Equal(LogoValidator.MaxLogosPerNetwork, logos.Count);
        // The newest logo goes last.
        Assert.Equal(seventh.Value, logos[^1].Id);
    }

    [Fact]
    public async Task Adding_and_removing_logos_requires_facilitator()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        var logo = (await Service.AddLogoAsync(network.Id, network.Owner.Id, "logo.png", LogoFiles.Png())).Value;

        Assert.Equal(ErrorCodes.Forbidden, (await Service.AddLogoAsync(network.Id, network.Member.Id, "x.png", LogoFiles.Png())).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.AddLogoAsync(network.Id, outsider.Id, "x.png", LogoFiles.Png())).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.RemoveLogoAsync(network.Id, network.Member.Id, logo)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RemoveLogoAsync(network.Id, outsider.Id, logo)).ErrorCode);
        Assert.Null(await Service.GetLogoAsync(network.Id, outsider.Id, logo));
        Assert.NotNull(await Service.GetLogoAsync(network.Id, network.Viewer.Id, logo));

        Assert.True((await Service.RemoveLogoAsync(network.Id, network.Facilitator.Id, logo)).Succeeded);
        Assert.Null(await Service.GetLogoAsync(network.Id, network.Owner.Id, logo));
    }

    [Fact]
    public async Task A_logo_of_one_network_is_not_found_through_another()
    {
        var a = await fixture.NetworkAsync(clock);
        var b = await fixture.NetworkAsync(clock);
        // The owner of B is also a member of A, so only the network scoping stands in the way.
        await fixture.AddMemberAsync(a.Id, b.Owner, NetworkRole.Member, clock);
        var logoOfA = (await Service.AddLogoAsync(a.Id, a.Owner.Id, "a.png", LogoFiles.Png())).Value;

        Assert.Null(await Service.GetLogoAsync(b.Id, b.Owner.Id, logoOfA));
        Assert.Equal(ErrorCodes.NotFound, (await Service.RemoveLogoAsync(b.Id, b.Owner.Id, logoOfA)).ErrorCode);

        Assert.NotNull(await Service.GetLogoAsync(a.Id, a.Owner.Id, logoOfA));
        Assert.NotNull(await Service.GetLogoAsync(a.Id, b.Owner.Id, logoOfA));
    }

    [Fact]
    public async Task Logos_of_a_binned_network_are_not_served()
    {
        var network = await fixture.NetworkAsync(clock);
        var logo = (await Service.AddLogoAsync(network.Id, network.Owner.Id, "a.png", LogoFiles.Png())).Value;
        Assert.True((await Service.DeleteAsync(network.Id, network.Owner.Id)).Succeeded);

        Assert.Null(await Service.GetLogoAsync(network.Id, network.Owner.Id, logo));
        Assert.Equal(ErrorCodes.NotFound, (await Service.AddLogoAsync(network.Id, network.Owner.Id, "b.png", LogoFiles.Png())).ErrorCode);
    }
}
