using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Demo;
using Verkostamo.Core.Workbook.Template;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Demo;

/// <summary>The app started with the demo seeding on: an app of its own, because the demo accounts have fixed addresses.</summary>
public sealed class DemoAppFactory : VerkostamoAppFactory
{
    public const string Password = "Karjalan kevät ja verkosto 2026";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Verkostamo:SeedDemo", "true");
        builder.UseSetting("Verkostamo:DemoPassword", Password);
    }
}

/// <summary>The demo network's pages render with the seeded workbook: every section, every theme, the history.</summary>
public class DemoPagesTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task The_demo_account_sees_the_filled_in_workbook_on_every_page()
    {
        var client = app.NoRedirectClient();
        await using (var db = await Arrange.Db(app.Services))
        {
            var demo = await db.Users.SingleAsync(u => u.Email == DemoSeeder.DemoEmail);
            await TestUsers.LogInWithFormAsync(client, new TestUser(demo.Id, DemoSeeder.DemoEmail, DemoAppFactory.Password));
        }
        Guid networkId;
        List<(Guid Id, string Title)> themes;
        await using (var db = await Arrange.Db(app.Services))
        {
            networkId = await db.Networks.Where(n => n.Name == DemoSeeder.DemoNetworkName).Select(n => n.Id).SingleAsync();
            themes = [.. (await db.Themes.Where(t => t.NetworkId == networkId).OrderBy(t => t.Order).Select(t => new { t.Id, t.Title }).ToListAsync()).Select(t => (t.Id, t.Title))];
        }
        Assert.Equal(3, themes.Count);

        async Task<string> PageAsync(string path)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            return Texts.Decoded(await response.BodyAsync());
        }

        Assert.Contains(DemoSeeder.DemoNetworkName, await PageAsync($"/networks/{networkId}"), StringComparison.Ordinal);
        Assert.Contains("Verkostotyöpaja 2026", await PageAsync($"/networks/{networkId}/workbook/cover"), StringComparison.Ordinal);
        await PageAsync($"/networks/{networkId}/workbook");
        await PageAsync($"/networks/{networkId}/members");
        foreach (var section in WorkbookTemplate.Current.Sections.Where(s => s.HasAnswerBlocks))
        {
            var html = await PageAsync($"/networks/{networkId}/workbook/{section.Key}");
            Assert.Contains("<strong>", html, StringComparison.Ordinal);
        }
        var definition = await PageAsync($"/networks/{networkId}/workbook/definition");
        Assert.Contains("<strong>yksi yhteinen palvelupolku</strong>", definition, StringComparison.Ordinal);
        Assert.Contains("Kumppanuusasiakirjan luonnos ohjausryhmälle", definition, StringComparison.Ordinal);
        Assert.Contains("Joensuun seudun työllisyysalue", definition, StringComparison.Ordinal);

        var list = await PageAsync($"/networks/{networkId}/themes");
        foreach (var (id, title) in themes)
        {
            Assert.Contains(title, list, StringComparison.Ordinal);
            Assert.Contains(title, await PageAsync($"/networks/{networkId}/themes/{id}"), StringComparison.Ordinal);
            await PageAsync($"/networks/{networkId}/themes/{id}/history");
        }
        Assert.Contains("Outi Omistaja", await PageAsync($"/networks/{networkId}/workbook/definition/history"), StringComparison.Ordinal);
    }
}
