using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Analysis;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Data;
using Verkostamo.Core.Exports;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Bench;

/// <summary>
/// The full workbook as a PowerPoint deck with a 200-actor, 600-link map positioned by a saved view (target: under 0.5 s).
/// "Load and write" is what the export endpoint does (reading the network from a migrated SQLite file, then laying out
/// the deck); "write only" is the layout and packaging of content already read.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class PptxExportBenchmarks
{
    public const int Actors = 200;
    public const int LinksPerActor = 3;

    private string folder = "";
    private ExportService exports = null!;
    private ExportContent content = null!;
    private Guid networkId;
    private static readonly ExportTexts Words = new(k => k, i => i.Code, new FeedTexts("", "{0}"));

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "verkostamo-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, DatabaseSetup.PrepareSqlite("Data Source=" + Path.Combine(folder, "bench.db")));
        IDbContextFactory<VerkostamoDbContext> factory = new Factory(builder.Options);
        var clock = TimeProvider.System;
        var user = new User { Id = Guid.NewGuid().ToString(), UserName = "bench@example.fi", Email = "bench@example.fi", DisplayName = "Bench", CreatedAt = clock.GetUtcNow() };
        await using (var db = await factory.CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        networkId = (await new NetworkService(factory, clock).CreateAsync(user.Id, new NetworkInput("Benchmark-verkosto", "Työpaja", "Kuvaus", "fi"))).Value;

        // Every section answered: three key solutions and a paragraph of responsibilities each.
        var answers = new AnswerService(factory, clock);
        var book = (await new WorkbookService(factory, clock).GetAsync(networkId, user.Id))!;
        foreach (var section in book.Sections.Where(s => s.Key is not ("cover" or "themes")))
        {
            for (var i = 1; i <= 3; i++)
            {
                await answers.AddKeySolutionAsync(networkId, user.Id, AnswerOwner.Section(section.Key), $"Avainratkaisu {i}: yhteinen foorumi kokoontuu neljä kertaa vuodessa ja sopii vastuista.");
            }
        }
        var themes = new ThemeService(factory, clock);
        for (var i = 1; i <= 5; i++)
        {
            await themes.CreateAsync(networkId, user.Id, new ThemeInput($"Teema {i}", "Tavoitteena on yhteinen suunta ja sovitut askeleet."));
        }

        var actorService = new ActorService(factory, clock);
        var ids = new List<Guid>();
        for (var i = 0; i < Actors; i++)
        {
            ids.Add((await actorService.CreateAsync(networkId, user.Id, new ActorInput($"Toimija {i:000}") { Sector = (Sector)(i % 4) })).Value);
        }
        var random = new Random(42);
        var linkService = new LinkService(factory, clock);
        for (var i = 0; i < Actors; i++)
        {
            for (var k = 1; k <= LinksPerActor; k++)
            {
                await linkService.CreateAsync(networkId, user.Id, new LinkInput(ids[i], ids[(i + k + random.Next(Actors - LinksPerActor - 1)) % Actors])
                {
                    Strength = random.Next(2) == 0 ? LinkStrength.Strong : LinkStrength.Weak,
                });
            }
        }
        var positions = ids.ToDictionary(id => id, _ => new MapPosition(random.NextDouble() * 2000, random.NextDouble() * 1000));
        await new MapViewService(factory, clock).CreateAsync(networkId, user.Id, new MapViewInput("Työpaja", new MapViewSettings(), positions));

        exports = new ExportService(factory, clock, new CalendarFeedService(factory, clock),
            [new AnalysisChapters(new AnalysisService(new MapVersionService(factory, clock), new AnalysisLimits()))]);
        content = (await exports.ContentAsync(networkId, user.Id, _ => Words))!;
        if (content.Map.Actors.Count != Actors || content.Map.Links.Count < Actors * 2)
        {
            throw new InvalidOperationException("Benchmark data is not as intended: the map should have 200 actors and several hundred links.");
        }
        Console.WriteLine($"// Deck: {PptxExport.Write(content).Length} bytes, {content.Map.Actors.Count} actors, {content.Map.Links.Count} links, {content.Sections.Count} sections.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "load and write (the export endpoint)")]
    public async Task<int> LoadAndWrite() => (await exports.ExportAsAdministratorAsync(networkId, "pptx", _ => Words))!.Content.Length;

    [Benchmark(Description = "write only")]
    public int WriteOnly() => PptxExport.Write(content).Length;

    private sealed class Factory(DbContextOptions<VerkostamoDbContext> options) : IDbContextFactory<VerkostamoDbContext>
    {
        public VerkostamoDbContext CreateDbContext() => new(options);
    }
}
