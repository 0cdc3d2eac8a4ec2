using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;

namespace Verkostamo.Bench.Pages;

/// <summary>
/// Times the map's tables page for a large network: the app on a real Kestrel port with its own database,
/// a signed-in member, sequential GET requests over loopback (first byte to last byte, body read in full).
/// <c>dotnet run -c Release --project bench/Verkostamo.Bench.Pages -- [actors] [links] [requests]</c>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var actorCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var linkCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8_000;
        var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;

        // The app factory finds the host's content root through test-project metadata this program does not have.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_VERKOSTAMO", Path.Combine(RepositoryRoot(), "src", "Verkostamo"));
        await using var app = new VerkostamoAppFactory { AuthPerMinute = 10_000 };
        var baseUrl = app.StartKestrel();
        var user = await TestUsers.CreateAsync(app.Services);
        var network = await app.Services.GetRequiredService<NetworkService>().CreateAsync(user.Id, new NetworkInput("Suuri verkosto", null, null, "fi"));
        var seeding = Stopwatch.StartNew();
        var (hub, _) = await SeedAsync(app.Services, network.Value, user.Id, actorCount, linkCount);
        Console.WriteLine($"Seeded {actorCount} actors and {linkCount} links in {seeding.Elapsed.TotalSeconds:F1} s on {app.Database.Provider}.");

        using var client = new HttpClient(new CookieJar(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }))
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };
        await TestUsers.LogInWithFormAsync(client, user);

        var tables = $"/networks/{network.Value}/map/tables";
        var cases = new (string Name, string Url)[]
        {
            ("tables page, paged (200 rows per table)", tables),
            ("tables page, last page of links", $"{tables}?lpage={(linkCount + 199) / 200}"),
            ("tables page, filtered (sector and search)", $"{tables}?sector=Private&q=oy"),
            ("tables page, every row (`?rows=all`)", $"{tables}?rows=all"),
            ("the most connected actor's page", $"/networks/{network.Value}/actors/{hub}"),
        };
        // Rounds over every case in turn, so a busy moment on a shared machine weighs on all cases alike.
        var samples = cases.Select(_ => new List<(double Ms, long Bytes)>()).ToList();
        for (var round = -5; round < requests; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var sample = await TimeAsync(client, cases[c].Url);
                if (round >= 0)
                {
                    samples[c].Add(sample);
                }
            }
        }
        var actorService = app.Services.GetRequiredService<ActorService>();
        var linkService = app.Services.GetRequiredService<LinkService>();
        var data = new List<double>();
        for (var round = -5; round < requests; round++)
        {
            var watch = Stopwatch.StartNew();
            // As the page does: the four reads at once.
            await Task.WhenAll(actorService.ListAsync(network.Value, user.Id), linkService.ListAsync(network.Value, user.Id),
                actorService.ListAsync(network.Value, user.Id, new ActorQuery { Deleted = true }), linkService.ListAsync(network.Value, user.Id, deleted: true));
            if (round >= 0)
            {
                data.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine("| Case | Requests | Median | p95 | Min | Max | Page size |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            Console.WriteLine(Row(cases[c].Name, [.. samples[c].Select(s => s.Ms)], $"{samples[c][0].Bytes / 1024.0:F0} KiB"));
        }
        Console.WriteLine(Row("the tables page's service calls alone, in process (no HTTP, no rendering)", data, "–"));
        return 0;
    }

    private static string Row(string name, List<double> samples, string size)
    {
        var ms = samples.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {ms.Count} | {ms[ms.Count / 2]:F0} ms | {ms[(int)Math.Ceiling(ms.Count * 0.95) - 1]:F0} ms | {ms[0]:F0} ms | {ms[^1]:F0} ms | {size} |");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verkostamo.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmark from the repository (no Verkostamo.slnx above the program).");
    }

    private static async Task<(double Ms, long Bytes)> TimeAsync(HttpClient client, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }
        return (watch.Elapsed.TotalMilliseconds, body.LongLength);
    }

    /// <summary>
    /// A network of <paramref name="actors"/> actors across sectors, kinds, levels and roles and <paramref name="links"/>
    /// distinct links (a third strong), written straight to the database (the services would take minutes
    /// for 10,000 audited saves, and the page, not the seeding, is measured). Returns the most connected actor.
    /// </summary>
    private static async Task<(Guid Hub, int HubLinks)> SeedAsync(IServiceProvider services, Guid networkId, string userId, int actors, int links)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        var words = new[] { "Kunta", "Yhdistys ry", "Oy", "Säätiö", "Seurakunta", "Kela", "Oppilaitos", "Työpaja", "Hanke", "Yksikkö" };
        var tags = new[] { "nuoret", "työllisyys", "rahoittaja", "koulutus", "terveys", "kulttuuri" };
        var roles = Enum.GetValues<ParticipationRole>();
        var all = Enumerable.Range(0, actors).Select(i => new Actor
        {
            Id = Guid.NewGuid(), NetworkId = networkId, Name = $"{words[i % words.Length]} {i:D4}", Kind = (ActorKind)(i % 4), Sector = (Sector)random.Next(4),
            Levels = (Level)random.Next(1, 32), RoleNow = random.Next(5) is var r && r < 4 ? roles[r] : null, RoleWanted = roles[random.Next(4)],
            Email = $"toimija{i}@example.fi", Tags = [tags[random.Next(tags.Length)]], Notes = "Muistiinpano.",
            Version = Guid.NewGuid(), CreatedAt = now, CreatedByUserId = userId, UpdatedAt = now, UpdatedByUserId = userId,
        }).ToList();
        var pairs = new HashSet<(int, int)>();
        var linkRows = new List<Link>();
        var degree = new int[actors];
        while (linkRows.Count < links)
        {
            // A few hubs: half the links touch one of the first 20 actors, as in real networks.
            var a = random.Next(2) == 0 ? random.Next(Math.Min(20, actors)) : random.Next(actors);
            var b = random.Next(actors);
            if (a == b || !pairs.Add((Math.Min(a, b), Math.Max(a, b))))
            {
                continue;
            }
            degree[a]++;
            degree[b]++;
            linkRows.Add(new Link
            {
                Id = Guid.NewGuid(), NetworkId = networkId, SourceActorId = all[a].Id, TargetActorId = all[b].Id,
                Strength = random.Next(3) == 0 ? LinkStrength.Strong : LinkStrength.Weak, Marks = (LinkMark)random.Next(0, 1 << 12),
                Kinds = ["tiedonvaihto"], Levels = (Level)random.Next(0, 32), Directed = random.Next(4) == 0,
                Version = Guid.NewGuid(), CreatedAt = now, CreatedByUserId = userId, UpdatedAt = now, UpdatedByUserId = userId,
            });
        }
        await using var db = await services.GetRequiredService<IDbContextFactory<VerkostamoDbContext>>().CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Actors.AddRange(all);
        db.Links.AddRange(linkRows);
        await db.SaveChangesAsync();
        var hub = Array.IndexOf(degree, degree.Max());
        return (all[hub].Id, degree[hub]);
    }

    /// <summary>Keeps the app's cookies by name and sends them back; the app marks them Secure, which a plain cookie container would withhold over loopback http.</summary>
    private sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var pair in set.Select(c => c.Split(';', 2)[0]))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        cookies[pair[..eq].Trim()] = pair[(eq + 1)..];
                    }
                }
            }
            return response;
        }
    }
}
