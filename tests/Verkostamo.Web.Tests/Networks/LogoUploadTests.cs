using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Verkostamo.Infrastructure;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Networks;

/// <summary>
/// Project logos are user files shown to every member, so only real PNG, JPEG and WebP images of at most
/// 2 MB are kept — judged by content, whatever the file is called or claims to be.
/// </summary>
public class LogoUploadTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task A_real_png_is_stored()
    {
        var (client, networkId) = await OwnerWithNetworkAsync();

        var response = await UploadAsync(client, networkId, Arrange.Png(), "kasvupok.png", "image/png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await Arrange.LogoCountAsync(app.Services, networkId));
    }

    [Fact]
    public async Task A_renamed_executable_is_refused_with_a_message()
    {
        var (client, networkId) = await OwnerWithNetworkAsync();
        // A Windows PE header: "MZ", the DOS stub, then "PE\0\0".
        byte[] exe = [.. "MZ"u8, 0x90, 0x00, 0x03, .. new byte[58], .. "PE\0\0"u8, .. new byte[200]];

        var response = await UploadAsync(client, networkId, exe, "logo.png", "image/png");

        await AssertRefusedOnPageAsync(response, networkId, "Error.LogoWrongType");
    }

    [Fact]
    public async Task An_svg_is_refused_with_a_message()
    {
        // SVG can carry script; it is refused even though it is an image format.
        var (client, networkId) = await OwnerWithNetworkAsync();
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>");

        var response = await UploadAsync(client, networkId, svg, "logo.svg", "image/svg+xml");

        await AssertRefusedOnPageAsync(response, networkId, "Error.LogoWrongType");
    }

    [Fact]
    public async Task An_image_just_over_2_MB_is_refused_with_a_message()
    {
        var (client, networkId) = await OwnerWithNetworkAsync();
        byte[] big = [.. Arrange.Png(), .. new byte[(2 * 1024 * 1024) + 1]];

        var response = await UploadAsync(client, networkId, big, "iso.png", "image/png");

        await AssertRefusedOnPageAsync(response, networkId, "Error.LogoTooLarge");
    }

    [Fact]
    public async Task A_50_MB_file_is_turned_back_before_it_is_read_with_a_message()
    {
        var (client, networkId) = await OwnerWithNetworkAsync();
        byte[] huge = [.. Arrange.Png(), .. new byte[50 * 1024 * 1024]];

        var response = await UploadAsync(client, networkId, huge, "valtava.png", "image/png");

        // UploadLimit answers from the Content-Length alone: back to the page, with the message in the status cookie.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/networks/{networkId}/settings", response.RedirectPath());
        Assert.Equal("!" + Texts.Get("Error.LogoTooLarge"), response.SetCookieValue(IdentityRedirectManager.StatusCookieName));
        Assert.Equal(0, await Arrange.LogoCountAsync(app.Services, networkId));

        // The browser follows the redirect and the page shows the message once.
        var page = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/settings"));
        Assert.Contains(Texts.Get("Error.LogoTooLarge"), page, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, Guid NetworkId)> OwnerWithNetworkAsync()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        return (await app.SignedInClientAsync(owner), networkId);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid networkId, byte[] content, string fileName, string contentType)
    {
        var url = $"/networks/{networkId}/settings";
        var token = await TestHttp.TokenFromAsync(client, url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), TestHttp.TokenField },
            { new StringContent("upload-logo"), "_handler" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Logo", fileName);
        return await client.PostAsync(url, form);
    }

    private async Task AssertRefusedOnPageAsync(HttpResponseMessage response, Guid networkId, string messageKey)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts.Get(messageKey), Texts.Decoded(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await Arrange.LogoCountAsync(app.Services, networkId));
    }
}
