using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;
using A = DocumentFormat.OpenXml.Drawing;

namespace Verkostamo.Web.Tests.Exports;

/// <summary>GET …/exports/{format} and the export pages through the real host, in the network's own language.</summary>
public class ExportApiTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private async Task<(Guid NetworkId, TestUser Owner, TestUser Viewer, ExportSample Sample)> SeededAsync()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var viewer = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner, "Vientiverkosto");
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var sample = await ExportSamples.SeedAsync(app.Services.GetRequiredService<IDbContextFactory<VerkostamoDbContext>>(),
            app.Services.GetRequiredService<TimeProvider>(), networkId, owner.Id);
        return (networkId, owner, viewer, sample);
    }

    [Theory]
    [InlineData("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("graphml", "application/graphml+xml")]
    [InlineData("gexf", "application/gexf+xml")]
    [InlineData("ics", "text/calendar")]
    public async Task A_viewer_downloads_every_format(string format, string contentType)
    {
        var (networkId, _, viewer, sample) = await SeededAsync();
        var client = await app.BearerClientAsync(viewer);

        var response = await client.GetAsync($"/api/v1/networks/{networkId}/exports/{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var fileName = (response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "").Trim('"');
        Assert.Matches($@"^vientiverkosto-\d{{4}}-\d{{2}}-\d{{2}}\.{format}$", fileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "pptx")
        {
            using var deck = PresentationDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new OpenXmlValidator().Validate(deck));
            var text = string.Join("\n", deck.PresentationPart!.SlideParts.SelectMany(s => s.Slide.Descendants<A.Text>()).Select(t => t.Text));
            // The network's language is Finnish: the words come from the Finnish resources.
            Assert.Contains("Toimenpidesuunnitelma", text, StringComparison.Ordinal);
            Assert.Contains("Verkostokartta: Työpajanäkymä", text, StringComparison.Ordinal);
            Assert.Contains(sample.KeySolution, text, StringComparison.Ordinal);
        }
        if (format == "docx")
        {
            using var report = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new OpenXmlValidator().Validate(report));
            Assert.Contains("Verkostoanalyysin havainnot", report.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
            // The self-assessment chapter, with its empty state while no round has answers.
            Assert.Contains("Itsearvioinnit", report.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
            Assert.Contains("Verkostolla ei ole vielä arviointikierroksia", report.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        }
        if (format == "xlsx")
        {
            using var book = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new OpenXmlValidator().Validate(book));
            Assert.Contains(book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>(), s => s.Name == "Arvioinnit");
        }
    }

    [Fact]
    public async Task Other_networks_unknown_networks_and_unknown_formats_are_the_same_404()
    {
        var (networkId, _, _, _) = await SeededAsync();
        var outsider = await TestUsers.CreateAsync(app.Services);
        await Arrange.NetworkAsync(app.Services, outsider);
        var client = await app.BearerClientAsync(outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/networks/{networkId}/exports/pptx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/networks/{Guid.NewGuid()}/exports/pptx")).StatusCode);
        var member = await app.BearerClientAsync((await SeededAsync()).Viewer);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/networks/{networkId}/exports/exe")).StatusCode);
    }

    [Fact]
    public async Task The_export_page_offers_every_format_and_the_print_page_shows_the_workbook()
    {
        var (networkId, _, viewer, sample) = await SeededAsync();
        var client = await app.SignedInClientAsync(viewer);

        var page = await client.GetStringAsync($"/networks/{networkId}/export");
        foreach (var format in new[] { "pptx", "docx", "xlsx", "graphml", "gexf", "ics" })
        {
            Assert.Contains($"/api/v1/networks/{networkId}/exports/{format}", page, StringComparison.Ordinal);
        }
        Assert.Contains($"/networks/{networkId}/export/print", page, StringComparison.Ordinal);

        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/networks/{networkId}/export/print?sections=definition&sections=themes"));
        Assert.Contains(sample.KeySolution, print, StringComparison.Ordinal);
        Assert.Contains(sample.ThemeTitle, print, StringComparison.Ordinal);
        Assert.Contains("Timo Järvensivu", print, StringComparison.Ordinal);
        Assert.Contains("Verkostokartta: Työpajanäkymä", print, StringComparison.Ordinal);
    }
}
