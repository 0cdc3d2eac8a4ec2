using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Actions;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Backup;
using Verkostamo.Core.Data;
using Verkostamo.Core.Demo;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Survey;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;
using Verkostamo.Testing;

namespace Verkostamo.Core.Tests.Backup;

/// <summary>
/// The network backup on the demo network, made richer with a view, a version, a survey, a comment and a logo
/// so that every kind of record travels. One seeded database for the class; each test imports into new networks.
/// </summary>
public sealed partial class NetworkBackupTests(NetworkBackupTests.DemoFixture demo) : IClassFixture<NetworkBackupTests.DemoFixture>
{
    private static readonly BackupImportLimits Limits = new();

    [Fact]
    public void Every_network_owned_entity_of_the_database_is_covered_or_excluded_with_a_reason()
    {
        var sets = typeof(VerkostamoDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0]).ToList();
        var networkOwned = sets.Where(t => t == typeof(Network) || t.GetProperty("NetworkId") is not null).ToHashSet();

        var declared = NetworkBackupService.NetworkEntities;
        Assert.Empty(networkOwned.Except(declared.Keys).Select(t => t.Name));
        Assert.Empty(declared.Keys.Except(networkOwned).Select(t => t.Name));
        Assert.All(declared.Where(d => d.Value is not null), d => Assert.True(d.Value!.Length > 20, d.Key.Name + " needs a reason"));

        // Covered entities have a place in the payload (the network and its members in shapes of their own).
        var carried = typeof(NetworkBackupPayload).GetProperties()
            .Select(p => p.PropertyType.IsGenericType ? p.PropertyType.GetGenericArguments()[0] : p.PropertyType).ToHashSet();
        var covered = declared.Where(d => d.Value is null).Select(d => d.Key).Except([typeof(Network), typeof(Membership)]);
        Assert.Empty(covered.Where(t => !carried.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public async Task The_demo_network_round_trips_to_the_same_document_apart_from_ids()
    {
        var first = await ExportAsync(demo.NetworkId);
        var read = await ReadAsync(first);
        Assert.Null(read.ErrorCode);

        var imported = await demo.Backup.ImportAsync(read.Payload!, new BackupImportOptions(demo.DemoUserId, RestoreMembers: true));
        Assert.True(imported.Succeeded, imported.ErrorCode);
        var second = await ExportAsync(imported.Value!.NetworkId);

        var expected = Normalise(first, imported.Value.IdMap);
        var actual = Normalise(second, new Dictionary<Guid, Guid>());
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());

        // Every kind of record was really there to compare.
        var payload = JsonNode.Parse(first)!["payload"]!.AsObject();
        Assert.All(payload.Where(p => p.Value is JsonArray), p => Assert.True(p.Value!.AsArray().Count > 0, p.Key + " is empty in the demo"));
        Assert.NotEqual(demo.NetworkId, imported.Value.NetworkId);
    }

    [Fact]
    public async Task An_import_by_a_user_makes_them_the_only_owner_and_names_the_other_owners_of_steps()
    {
        var stranger = await demo.Fixture.UserAsync("Tuomas Tuoja");
        var read = await ReadAsync(await ExportAsync(demo.NetworkId));

        var imported = await demo.Backup.ImportAsync(read.Payload!, new BackupImportOptions(stranger.Id, RestoreMembers: false));

        Assert.True(imported.Succeeded, imported.ErrorCode);
        await using var db = demo.Fixture.Db();
        var id = imported.Value!.NetworkId;
        var members = await db.Memberships.Where(m => m.NetworkId == id).ToListAsync();
        Assert.Equal(stranger.Id, Assert.Single(members).UserId);
        Assert.Equal(NetworkRole.Owner, members[0].Role);
        var steps = await db.Actions.Where(a => a.NetworkId == id).ToListAsync();
        Assert.All(steps, s => Assert.Null(s.OwnerMembershipId));
        var originalOwned = await db.Actions.CountAsync(a => a.NetworkId == demo.NetworkId && a.OwnerMembershipId != null);
        Assert.True(originalOwned > 0);
        Assert.True(steps.Count(s => s.OwnerName != null) >= originalOwned);
        // The survey link's secret is never carried over: the imported link has a fresh hash nobody holds a token for.
        var links = await db.MapSurveyLinks.Where(l => l.NetworkId == id || l.NetworkId == demo.NetworkId).ToListAsync();
        Assert.Equal(links.Count, links.Select(l => l.TokenHash).Distinct().Count());
    }

    [Fact]
    public async Task A_zipped_backup_reads_like_the_json_one()
    {
        var json = await ExportAsync(demo.NetworkId);
        var zip = Zip(("network.json", json));

        var read = await ReadAsync(zip);

        Assert.Null(read.ErrorCode);
        Assert.Equal(DemoSeeder.DemoNetworkName, read.Payload!.Network.Name);
    }

    public static TheoryData<string> BadFiles() => ["corrupt", "truncated", "newer", "tampered", "oversized", "zip-bomb", "zip-many", "not-backup", "empty", "zip-damaged"];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_its_reason_and_changes_nothing(string kind)
    {
        var good = await ExportAsync(demo.NetworkId);
        var text = Encoding.UTF8.GetString(good);
        var limits = new BackupImportLimits();
        (byte[] file, string code) = kind switch
        {
            "corrupt" => (Encoding.UTF8.GetBytes(text.Replace("\"payload\":{", "\"payload\":{{", StringComparison.Ordinal)), BackupErrors.Damaged),
            "truncated" => (good[..(good.Length / 2)], BackupErrors.Damaged),
            "newer" => (Encoding.UTF8.GetBytes(text.Replace("\"schemaVersion\":1", "\"schemaVersion\":2", StringComparison.Ordinal)
                .Replace("\"actors\":", "\"actorsV2\":", StringComparison.Ordinal)), BackupErrors.Newer),
            "tampered" => (Encoding.UTF8.GetBytes(text.Replace(DemoSeeder.DemoNetworkName, "Muokattu verkosto", StringComparison.Ordinal)), BackupErrors.Tampered),
            "oversized" => (good, BackupErrors.TooLarge),
            "zip-bomb" => (Zip(("network.json", new byte[3 * 1024 * 1024])), BackupErrors.ZipBomb),
            "zip-many" => (Zip([.. Enumerable.Range(0, 50).Select(i => ($"f{i}.txt", new byte[1]))]), BackupErrors.ZipBomb),
            "not-backup" => ("{\"format\":\"something-else\",\"schemaVersion\":1}"u8.ToArray(), BackupErrors.NotBackup),
            "empty" => ([], BackupErrors.Empty),
            "zip-damaged" => ([.. "PK"u8, 3, 4, .. new byte[200]], BackupErrors.Damaged),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (kind == "oversized")
        {
            limits.MaxBytes = good.Length - 1;
        }
        if (kind == "zip-bomb")
        {
            limits.MaxBytes = 1024 * 1024;
        }
        var networks = await CountNetworksAsync();

        var read = await BackupFileReader.ReadAsync(new MemoryStream(file), limits);

        Assert.Equal(code, read.ErrorCode);
        Assert.Null(read.Payload);
        Assert.False(string.IsNullOrWhiteSpace(read.Detail));
        Assert.Equal(networks, await CountNetworksAsync());
    }

    [Fact]
    public async Task A_zip_whose_header_understates_its_size_is_stopped_while_unpacking()
    {
        var zip = Zip(("network.json", new byte[2 * 1024 * 1024]));
        // Forge the declared uncompressed size (local header and central directory) down to 10 bytes.
        ForgeUncompressedSize(zip, 10);

        var read = await BackupFileReader.ReadAsync(new MemoryStream(zip), new BackupImportLimits { MaxBytes = 1024 * 1024 });

        // The unpacking stops at the declared size (or at the limit): what comes out is 10 bytes of zeros, not a backup.
        Assert.Contains(read.ErrorCode, new[] { BackupErrors.ZipBomb, BackupErrors.Damaged, BackupErrors.NotBackup });
        Assert.Null(read.Payload);
    }

    [Fact]
    public async Task A_checksummed_file_with_a_broken_reference_is_refused_inside_the_transaction()
    {
        var read = await ReadAsync(await ExportAsync(demo.NetworkId));
        read.Payload!.Links[0].SourceActorId = Guid.NewGuid();
        var networks = await CountNetworksAsync();
        var actors = await CountActorsAsync();

        var imported = await demo.Backup.ImportAsync(read.Payload, new BackupImportOptions(demo.DemoUserId, RestoreMembers: false));

        Assert.Equal(BackupErrors.Invalid, imported.ErrorCode);
        Assert.Equal(networks, await CountNetworksAsync());
        Assert.Equal(actors, await CountActorsAsync());
    }

    [Fact]
    public async Task A_text_over_the_database_limit_fails_the_whole_import_on_postgres_and_is_kept_whole_on_sqlite()
    {
        var read = await ReadAsync(await ExportAsync(demo.NetworkId));
        read.Payload!.Actors[^1].Name = new string('x', 100_000);
        var networks = await CountNetworksAsync();

        var imported = await demo.Backup.ImportAsync(read.Payload, new BackupImportOptions(demo.DemoUserId, RestoreMembers: false));

        if (demo.Fixture.Database.Provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(BackupErrors.Invalid, imported.ErrorCode);
            Assert.Equal(networks, await CountNetworksAsync());
        }
        else
        {
            // SQLite does not enforce column lengths; the import then keeps every record, none half-way.
            Assert.True(imported.Succeeded);
            Assert.Equal(networks + 1, await CountNetworksAsync());
        }
    }

    [Fact]
    public async Task An_administrator_import_without_any_owner_account_is_refused()
    {
        var read = await ReadAsync(await ExportAsync(demo.NetworkId));
        foreach (var member in read.Payload!.Members)
        {
            member.Email = "gone-" + member.Email;
        }
        var networks = await CountNetworksAsync();

        var imported = await demo.Backup.ImportAsync(read.Payload, new BackupImportOptions(null, RestoreMembers: true));

        Assert.Equal(BackupErrors.NoOwner, imported.ErrorCode);
        Assert.Equal(networks, await CountNetworksAsync());
    }

    private async Task<byte[]> ExportAsync(Guid networkId)
    {
        using var output = new MemoryStream();
        Assert.True(await demo.Backup.WriteAsync(networkId, output));
        return output.ToArray();
    }

    private static Task<BackupReadResult> ReadAsync(byte[] file) => BackupFileReader.ReadAsync(new MemoryStream(file), Limits);

    private async Task<int> CountNetworksAsync()
    {
        await using var db = demo.Fixture.Db();
        return await db.Networks.CountAsync();
    }

    private async Task<int> CountActorsAsync()
    {
        await using var db = demo.Fixture.Db();
        return await db.Actors.CountAsync();
    }

    /// <summary>
    /// The payload with the first export's ids replaced by the ones the import gave, and every array sorted, so that
    /// two exports compare equal when they hold the same data. The envelope's time and checksum are left out.
    /// </summary>
    private static JsonNode Normalise(byte[] document, IReadOnlyDictionary<Guid, Guid> ids)
    {
        var payload = JsonNode.Parse(document)!["payload"]!.ToJsonString();
        payload = GuidPattern().Replace(payload, m => Guid.TryParse(m.Value, out var g) && ids.TryGetValue(g, out var n) ? n.ToString() : m.Value);
        return Sorted(JsonNode.Parse(payload)!);
    }

    private static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonArray array => new JsonArray([.. array.Select(i => Sorted(i!)).OrderBy(i => i.ToJsonString(), StringComparer.Ordinal)]),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Sorted(p.Value)))),
        _ => node.DeepClone(),
    };

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }

    private static void ForgeUncompressedSize(byte[] zip, uint size)
    {
        for (var i = 0; i + 4 < zip.Length; i++)
        {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
            }
            else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
            }
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    /// <summary>The demo network seeded once, with a record of every kind the demo leaves out.</summary>
    public sealed class DemoFixture : IAsyncLifetime
    {
        private readonly FakeTimeProvider clock = TestTime.NewClock();
        private ServiceProvider? services;

        public DatabaseFixture Fixture { get; } = new();
        public NetworkBackupService Backup { get; private set; } = null!;
        public Guid NetworkId { get; private set; }
        public string DemoUserId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Fixture.InitializeAsync();
            services = DemoServices.Build(Fixture.Database, clock);
            using (var scope = services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("Demo-salasana-2026");
            }
            Backup = new NetworkBackupService(Fixture.Factory, clock);
            await using var db = Fixture.Db();
            DemoUserId = await db.Users.Where(u => u.Email == DemoSeeder.DemoEmail).Select(u => u.Id).SingleAsync();
            NetworkId = await db.Memberships.Where(m => m.UserId == DemoUserId).Select(m => m.NetworkId).SingleAsync();
            await DemoServices.AddEveryKindAsync(db, NetworkId, DemoUserId, clock.GetUtcNow());
        }

        public async Task DisposeAsync()
        {
            if (services is not null)
            {
                await services.DisposeAsync();
            }
            await Fixture.DisposeAsync();
        }
    }
}

/// <summary>The services the demo seeder needs, and records of the kinds the demo itself does not make.</summary>
public static class DemoServices
{
    public static ServiceProvider Build(TestDatabase database, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton(database.Factory());
        services.AddDbContext<VerkostamoDbContext>(o => DatabaseSetup.Configure(o, database.Provider, database.ConnectionString));
        services.AddIdentityCore<User>().AddEntityFrameworkStores<VerkostamoDbContext>();
        // As in the web tests' host: Identity's 100,000 PBKDF2 rounds for each of the demo's nine accounts were
        // seconds of processor time per seeding. The hash format and every code path stay the same.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        services.AddSingleton<WorkbookService>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<ThemeService>();
        services.AddSingleton<ActionService>();
        services.AddSingleton<ClockService>();
        services.AddScoped<DemoSeeder>();
        return services.BuildServiceProvider();
    }

    public static async Task AddEveryKindAsync(VerkostamoDbContext db, Guid networkId, string userId, DateTimeOffset now)
    {
        var actors = await db.Actors.Where(a => a.NetworkId == networkId).OrderBy(a => a.Name).Take(3).ToListAsync();
        var step = await db.Actions.Where(a => a.NetworkId == networkId).OrderBy(a => a.Order).FirstAsync();
        var positions = new JsonObject(actors.Select((a, i) => KeyValuePair.Create(a.Id.ToString(), (JsonNode?)new JsonObject { ["x"] = i * 10, ["y"] = i * 5 })));
        db.MapViews.Add(new MapView { Id = Guid.NewGuid(), NetworkId = networkId, Name = "Koko kuva", PositionsJson = positions.ToJsonString(), Version = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now, CreatedByUserId = userId });
        db.MapVersions.Add(new MapVersion
        {
            Id = Guid.NewGuid(), NetworkId = networkId, Name = "Kevät 2026", Reason = MapVersionReason.Manual, TakenAt = now, ActorCount = actors.Count,
            SnapshotJson = JsonSerializer.Serialize(new { actors = actors.Select(a => new { id = a.Id, name = a.Name }) }), CreatedByUserId = userId,
        });
        var link = new MapSurveyLink { Id = Guid.NewGuid(), NetworkId = networkId, ActorId = actors[0].Id, TokenHash = Common.SecretTokens.Hash(Common.SecretTokens.New()), CreatedAt = now, ExpiresAt = now.AddDays(30), CreatedByUserId = userId };
        db.MapSurveyLinks.Add(link);
        db.MapSurveyResponses.Add(new MapSurveyResponse
        {
            Id = Guid.NewGuid(), NetworkId = networkId, SurveyLinkId = link.Id, RespondentActorId = actors[0].Id,
            EntriesJson = JsonSerializer.Serialize(new[] { new { actorId = actors[1].Id, strength = "Strong" } }), SubmittedAt = now, Version = Guid.NewGuid(),
        });
        db.ActionComments.Add(new ActionComment { Id = Guid.NewGuid(), NetworkId = networkId, ActionId = step.Id, UserId = userId, Text = "Hyvä askel", CreatedAt = now });
        db.NetworkLogos.Add(new NetworkLogo { Id = Guid.NewGuid(), NetworkId = networkId, ContentType = "image/png", FileName = "logo.png", Content = LogoFiles.Png(), CreatedAt = now });
        // The demo asks the template's questions; a network's own edited set travels too.
        var edited = Verkostamo.Core.Assessments.AssessmentTemplate.Instruments[0];
        db.AssessmentInstruments.Add(new Verkostamo.Core.Assessments.AssessmentInstrument
        {
            Id = Guid.NewGuid(), NetworkId = networkId, Key = edited.Key, UpdatedAt = now, UpdatedByUserId = userId, Version = Guid.NewGuid(),
            DefinitionJson = JsonSerializer.Serialize(edited, JsonSerializerOptions.Web),
        });
        await db.SaveChangesAsync();
    }
}
