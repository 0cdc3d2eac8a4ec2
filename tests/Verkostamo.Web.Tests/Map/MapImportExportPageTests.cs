using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Map;

/// <summary>The import and export page, posted as a browser posts it: upload, preview, confirm; expired previews say so.</summary>
public partial class MapImportExportPageTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private ActorService Actors => app.Services.GetRequiredService<ActorService>();

    private static MultipartFormDataContent Upload(string token, string fileName, string text)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), TestHttp.TokenField },
            { new StringContent("map-import"), "_handler" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "ImportFile", fileName);
        return form;
    }

    [GeneratedRegex("name=\"Token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [Fact]
    public async Task A_facilitator_uploads_sees_the_preview_confirms_and_finds_the_actors()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var client = await app.SignedInClientAsync(owner);
        var url = $"/networks/{networkId}/map/import-export";
        var page = await (await client.GetAsync(url)).BodyAsync();
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/networks/{networkId}/map/export/graphml", page, StringComparison.Ordinal);

        var previewed = await client.PostAsync(url, Upload(TestUsers.AntiforgeryToken(page), "yhteydet.csv", "source,target,strength\nKela,TE-palvelut,vahva\n"));

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var html = await previewed.BodyAsync();
        Assert.Contains("Esikatselu: yhteydet.csv", html, StringComparison.Ordinal);
        Assert.Contains("Toimijoita lisätään 2", Texts.Decoded(html), StringComparison.Ordinal);
        Assert.Contains("Kela – TE-palvelut", Texts.Decoded(html), StringComparison.Ordinal);
        Assert.Empty((await Actors.ListAsync(networkId, owner.Id))!);
        var token = TokenField().Match(html).Groups[1].Value;

        var applied = await client.PostAsync(url, TestHttp.Form(TestUsers.AntiforgeryToken(html), "map-apply", ("Token", token)));

        Assert.Equal($"/networks/{networkId}/map/tables", applied.RedirectPath());
        Assert.Equal(["Kela", "TE-palvelut"], (await Actors.ListAsync(networkId, owner.Id))!.Select(a => a.Name));
        var tables = await (await client.GetAsync($"/networks/{networkId}/map/tables")).BodyAsync();
        Assert.Contains("Tuonti valmis", tables, StringComparison.Ordinal);

        // The same token again: the kept file is gone, and the page says so instead of importing twice.
        var again = await client.PostAsync(url, TestHttp.Form(await TestHttp.TokenFromAsync(client, url), "map-apply", ("Token", token)));
        Assert.Equal(url, again.RedirectPath());
        Assert.Contains("vanhentua", await (await client.GetAsync(url)).BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await Actors.ListAsync(networkId, owner.Id))!.Count);
    }

    [Fact]
    public async Task A_bad_file_shows_its_errors_in_finnish_and_offers_no_import()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var client = await app.SignedInClientAsync(owner);
        var url = $"/networks/{networkId}/map/import-export";

        var previewed = await client.PostAsync(url, Upload(await TestHttp.TokenFromAsync(client, url), "toimijat.csv", "id,name\na,Kela\na,TE\n"));

        var html = Texts.Decoded(await previewed.BodyAsync());
        Assert.Contains("Tiedostoa ei voi tuoda", html, StringComparison.Ordinal);
        Assert.Contains("toimijat.csv, rivi 3, tunniste a: Tunniste a esiintyy tiedostossa useammin kuin kerran.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Token\"", html, StringComparison.Ordinal);
        var empty = await client.PostAsync(url, TestHttp.Form(await TestHttp.TokenFromAsync(client, url), "map-import"));
        Assert.Contains("Valitse tuotava tiedosto.", Texts.Decoded(await empty.BodyAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_exports_but_sees_no_import_form_and_another_users_token_is_refused()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var viewer = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var url = $"/networks/{networkId}/map/import-export";
        var ownerClient = await app.SignedInClientAsync(owner);
        var html = await (await ownerClient.PostAsync(url, Upload(await TestHttp.TokenFromAsync(ownerClient, url), "a.csv", "name\nKela\n"))).BodyAsync();
        var token = TokenField().Match(html).Groups[1].Value;

        var viewerClient = await app.SignedInClientAsync(viewer);
        var page = await (await viewerClient.GetAsync(url)).BodyAsync();
        Assert.Contains("Vain fasilitaattorit ja omistajat", Texts.Decoded(page), StringComparison.Ordinal);
        Assert.DoesNotContain("ImportFile", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync($"/api/v1/networks/{networkId}/map/export/xlsx")).StatusCode);
        var stolen = await viewerClient.PostAsync(url, TestHttp.Form(TestUsers.AntiforgeryToken(page), "map-apply", ("Token", token)));
        Assert.Equal(url, stolen.RedirectPath());
        Assert.Empty((await Actors.ListAsync(networkId, owner.Id))!);
    }
}
