using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Map;

/// <summary>POST …/map/import (preview or apply) and GET …/map/export/{format} through the real host.</summary>
public class MapFilesApiTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private static MultipartFormDataContent Upload(string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private static MultipartFormDataContent Upload(string fileName, string text) => Upload(fileName, Encoding.UTF8.GetBytes(text));

    private async Task<int> ActorCountAsync(Guid networkId)
    {
        await using var db = await Arrange.Db(app.Services);
        return await db.Actors.CountAsync(a => a.NetworkId == networkId);
    }

    [Fact]
    public async Task A_facilitator_previews_then_imports_and_every_format_exports_to_a_viewer()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var facilitator = await TestUsers.CreateAsync(app.Services);
        var viewer = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        await Arrange.MemberAsync(app.Services, networkId, owner, facilitator, NetworkRole.Facilitator);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var client = await app.BearerClientAsync(facilitator);
        const string csv = "source,target,strength\nKela,TE-palvelut,Strong\n";

        var preview = await client.PostAsync($"/api/v1/networks/{networkId}/map/import?dryRun=true", Upload("links.csv", csv));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        using (var json = JsonDocument.Parse(await preview.BodyAsync()))
        {
            Assert.False(json.RootElement.GetProperty("applied").GetBoolean());
            Assert.Equal(2, json.RootElement.GetProperty("actorsAdded").GetInt32());
            Assert.Contains("Toimija lisätään yhteyksien perusteella", json.RootElement.GetProperty("warnings")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await ActorCountAsync(networkId));

        var applied = await client.PostAsync($"/api/v1/networks/{networkId}/map/import?dryRun=false", Upload("links.csv", csv));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(2, await ActorCountAsync(networkId));

        var reader = await app.BearerClientAsync(viewer);
        foreach (var (format, type) in new[] { ("csv", "application/zip"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("graphml", "application/graphml+xml"), ("gexf", "application/gexf+xml") })
        {
            var response = await reader.GetAsync($"/api/v1/networks/{networkId}/map/export/{format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            var name = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;
            var read = MapFileReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), name.Trim('"'));
            Assert.True(read.Succeeded, string.Join("; ", read.Errors));
            Assert.Equal(["Kela", "TE-palvelut"], read.Document.Actors.Select(a => a.Name));
            Assert.Equal(LinkStrength.Strong, Assert.Single(read.Document.Links).Strength);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/networks/{networkId}/map/export/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_or_member_cannot_import_another_network_is_not_found_and_a_bad_file_is_400_with_its_message()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var member = await TestUsers.CreateAsync(app.Services);
        var viewer = await TestUsers.CreateAsync(app.Services);
        var stranger = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        await Arrange.NetworkAsync(app.Services, stranger);
        await Arrange.MemberAsync(app.Services, networkId, owner, member, NetworkRole.Member);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var url = $"/api/v1/networks/{networkId}/map/import";

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.BearerClientAsync(viewer)).PostAsync(url, Upload("a.csv", "name\nA\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.BearerClientAsync(member)).PostAsync(url, Upload("a.csv", "name\nA\n"))).StatusCode);
        var other = await app.BearerClientAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(url, Upload("a.csv", "name\nA\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/networks/{networkId}/map/export/csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/networks/{networkId}/map/export/csv")).StatusCode);

        var ownerClient = await app.BearerClientAsync(owner);
        var bad = await ownerClient.PostAsync(url, Upload("x.graphml",
            """<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.BodyAsync());
        Assert.Contains("DOCTYPE", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(MapFileCodes.DtdProhibited, problem.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        var missing = await ownerClient.PostAsync(url, Upload("a.zip", Zip(("actors.csv", "id,name\na,A\n"), ("links.csv", "source,target\na,b\n"))));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("links.csv, rivi 2", await missing.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ActorCountAsync(networkId));
    }

    private static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, true))
        {
            foreach (var (name, text) in files)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
