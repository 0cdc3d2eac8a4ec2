using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Actions;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Data;
using Verkostamo.Core.Demo;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Backup;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;
using Verkostamo.Core.Workbook.Template;
using Verkostamo.Testing;
using Xunit.Abstractions;

namespace Verkostamo.Core.Tests.Demo;

/// <summary>
/// The seeder works on fixed e-mail addresses, so each database holds one demo. The tests that only read the
/// seeded demo (and seed again to see that nothing changes) share one seeded database; the tests that change
/// the demo before seeding again seed a database of their own.
/// </summary>
public class DemoSeederTests(DemoSeederTests.SeededDemo seeded, ITestOutputHelper output) : IClassFixture<DemoSeederTests.SeededDemo>
{
    private const string Password = "Demo-salasana-2026";
    private readonly FakeTimeProvider clock = TestTime.NewClock();

    /// <summary>The demo seeded once into a fresh database, with how long that took and what the seeder answered.</summary>
    public sealed class SeededDemo : IAsyncLifetime
    {
        public FakeTimeProvider Clock { get; } = TestTime.NewClock();
        public TestDatabase Database { get; } = TestDatabase.CreateMigrated();
        public ServiceProvider Services { get; private set; } = null!;
        public bool FirstResult { get; private set; }
        public TimeSpan FirstDuration { get; private set; }

        public async Task InitializeAsync()
        {
            Services = DemoServices.Build(Database, Clock);
            var started = Stopwatch.GetTimestamp();
            FirstResult = await SeedAsync(Services);
            FirstDuration = Stopwatch.GetElapsedTime(started);
        }

        public async Task DisposeAsync()
        {
            await Services.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Seeding_creates_the_demo_network_with_every_role_and_a_second_run_changes_nothing()
    {
        var database = seeded.Database;
        var services = seeded.Services;

        output.WriteLine($"Demo seeding (fresh): {seeded.FirstDuration.TotalSeconds:0.00} s");
        Assert.True(seeded.FirstResult);

        await using (var db = new VerkostamoDbContext(database.Options()))
        {
            var demo = await db.Users.SingleAsync(u => u.Email == DemoSeeder.DemoEmail);
            var network = await db.Networks.Include(n => n.Memberships).SingleAsync(n => n.Name == DemoSeeder.DemoNetworkName);
            Assert.Equal(9, network.Memberships.Count);
            Assert.Equal(NetworkRole.Owner, network.Memberships.Single(m => m.UserId == demo.Id).Role);
            Assert.Equal(2, network.Memberships.Count(m => m.Role == NetworkRole.Owner));
            Assert.All(Enum.GetValues<NetworkRole>(), role => Assert.Contains(network.Memberships, m => m.Role == role));
            Assert.Equal(TestTime.Start, network.CreatedAt);
        }
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(DemoSeeder.DemoEmail))!, Password));
        }
        var before = await CountsAsync(database);

        // Three days later, on a clock of its own so that the shared demo's clock stays where the other tests expect it.
        var later = TestTime.NewClock();
        later.Advance(TimeSpan.FromDays(3));
        await using var laterServices = DemoServices.Build(database, later);
        Assert.False(await TimedSeedAsync(laterServices, "second run"));

        Assert.Equal(before, await CountsAsync(database));
        await using var after = new VerkostamoDbContext(database.Options());
        Assert.Equal(1, await after.Networks.CountAsync(n => n.Name == DemoSeeder.DemoNetworkName));
        Assert.Equal(9, await after.Users.CountAsync(u => u.Email!.EndsWith("@verkostamo.fi")));
    }

    [Fact]
    public async Task The_demo_workbook_answers_every_section_with_steps_in_every_state_and_three_themes()
    {
        var database = seeded.Database;
        var services = seeded.Services;
        Assert.True(seeded.FirstResult);

        await using var db = new VerkostamoDbContext(database.Options());
        var network = await db.Networks.SingleAsync(n => n.Name == DemoSeeder.DemoNetworkName);
        var sections = await db.WorkbookSections.Where(s => s.NetworkId == network.Id).ToListAsync();
        var solutions = await db.KeySolutions.Where(k => k.NetworkId == network.Id && k.DeletedAt == null).ToListAsync();
        var steps = await db.Actions.Where(a => a.NetworkId == network.Id && a.DeletedAt == null).ToListAsync();
        var themes = await db.Themes.Where(t => t.NetworkId == network.Id && t.DeletedAt == null).ToListAsync();

        var template = WorkbookTemplate.Current;
        Assert.Equal(template.Sections.Count, sections.Count);
        var answerable = sections.Where(s => template.Find(s.Key)!.HasAnswerBlocks).ToList();
        Assert.Equal(13, answerable.Count);
        Assert.All(answerable, s =>
        {
            Assert.InRange(solutions.Count(k => k.SectionId == s.Id), 2, 4);
            Assert.InRange(steps.Count(a => a.SectionId == s.Id), 1, 3);
            Assert.True(s.Responsibilities.Length > 40, s.Key);
        });

        Assert.Equal(3, themes.Count);
        Assert.All(themes, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Goal));
            Assert.InRange(solutions.Count(k => k.ThemeId == t.Id), 2, 4);
            Assert.InRange(steps.Count(a => a.ThemeId == t.Id), 1, 3);
            Assert.True(t.Responsibilities.Length > 40, t.Title);
        });
        Assert.Contains(solutions, k => k.Text.Contains("**", StringComparison.Ordinal));
        Assert.Contains(solutions, k => k.Text.Contains("\n- ", StringComparison.Ordinal));

        var today = DateOnly.FromDateTime(seeded.Clock.GetUtcNow().UtcDateTime);
        Assert.All(Enum.GetValues<ActionStatus>(), status => Assert.Contains(steps, a => a.Status == status));
        Assert.Contains(steps, a => a.IsOverdue(today));
        Assert.Contains(steps, a => a.IsOpen && a.DueDate > today);
        Assert.Contains(steps, a => a.OwnerMembershipId is not null && a.OwnerName is null);
        Assert.Contains(steps, a => a.OwnerMembershipId is null && a.OwnerName is not null);
        Assert.All(steps.Where(a => a.Status == ActionStatus.Dropped), a => Assert.False(string.IsNullOrWhiteSpace(a.Notes)));

        SectionFields Fields(string key) => SectionFields.FromJson(sections.Single(s => s.Key == key).FieldsJson);
        Assert.False(string.IsNullOrWhiteSpace(Fields("definition").ShortDescription));
        Assert.False(string.IsNullOrWhiteSpace(Fields("definition").ActorsDescription));
        Assert.InRange(Fields("development-cycle").CurrentPhase ?? 0, 1, SectionFields.PhaseCount);
        Assert.False(string.IsNullOrWhiteSpace(Fields("leadership").LeadershipNote));
        Assert.All(Fields("roles").Roles!, r => Assert.True(r.InUse && !string.IsNullOrWhiteSpace(r.Holders), r.Role.ToString()));
        Assert.Equal(SectionFields.PhaseCount, Fields("learning-phases-clock").LearningPhases!.Count);
        Assert.All(Fields("cover").CoverAnswers!, a => Assert.False(string.IsNullOrWhiteSpace(a)));
        Assert.False(string.IsNullOrWhiteSpace(network.EventName));
        Assert.True(await db.LeadershipPlacements.CountAsync(p => p.NetworkId == network.Id) >= 5);

        // The history names several members as authors and nobody who may only read.
        var authors = await db.AuditEntries.Where(e => e.NetworkId == network.Id).Select(e => e.UserId).Distinct().ToListAsync();
        Assert.True(authors.Count >= 6, $"{authors.Count} authors");
        var viewers = await db.Memberships.Where(m => m.NetworkId == network.Id && m.Role == NetworkRole.Viewer).Select(m => m.UserId).ToListAsync();
        Assert.DoesNotContain(authors, a => a is not null && viewers.Contains(a));
        Assert.True(await db.AuditEntries.CountAsync(e => e.NetworkId == network.Id && e.Entity == nameof(ActionItem) && e.Action == "Updated") > 5);
    }

    [Fact]
    public async Task The_demo_clock_has_a_full_year_of_events_on_every_ring_with_the_steps_and_is_written_once()
    {
        var database = seeded.Database;
        var services = seeded.Services;
        Assert.True(seeded.FirstResult);
        Guid networkId;
        string demoId;
        await using (var db = new VerkostamoDbContext(database.Options()))
        {
            networkId = await db.Networks.Where(n => n.Name == DemoSeeder.DemoNetworkName).Select(n => n.Id).SingleAsync();
            demoId = await db.Users.Where(u => u.Email == DemoSeeder.DemoEmail).Select(u => u.Id).SingleAsync();
        }
        var clockService = services.GetRequiredService<ClockService>();
        var year = (await clockService.GetYearAsync(networkId, demoId, clockService.Today.Year))!;

        Assert.All(Enum.GetValues<ClockRing>(), ring => Assert.Contains(year.Items, i => i.Ring == ring));
        Assert.All(Enumerable.Range(1, 12), month => Assert.Contains(year.Items, i => i.Start.Month <= month && i.End.Month >= month && i.Ring != ClockRing.Actions));
        Assert.Contains(year.Events, e => e.Recurrence == Recurrence.Weekly);
        Assert.Contains(year.Events, e => e.Recurrence == Recurrence.Quarterly);
        Assert.Equal(3, year.Events.Where(e => e.ThemeId is not null).Select(e => e.ThemeId).Distinct().Count());
        // The learning phases on the wheel are the ones the demo workbook names in section 10.
        Assert.Contains(year.Events, e => e.Category == ClockCategory.LearningPhase && e.Title == "Tilannekuva ja asiakaspalaute");
        await using (var db = new VerkostamoDbContext(database.Options()))
        {
            var dated = await db.Actions.CountAsync(a => a.NetworkId == networkId && a.DeletedAt == null && a.DueDate != null && a.DueDate.Value.Year == year.Year);
            Assert.Equal(dated, year.Items.Count(i => i.Ring == ClockRing.Actions));
            Assert.True(await db.AuditEntries.Where(e => e.NetworkId == networkId && e.Entity == nameof(ClockEvent)).Select(e => e.UserId).Distinct().CountAsync() >= 4);
        }

        var events = year.Events.Count;
        Assert.False(await SeedAsync(services));
        Assert.Equal(events, (await clockService.GetYearAsync(networkId, demoId, year.Year))!.Events.Count);
    }

    [Fact]
    public async Task A_demo_network_from_before_the_workbook_gets_its_answers_once()
    {
        await using var database = TestDatabase.CreateMigrated();
        await using var services = DemoServices.Build(database, clock);
        Assert.True(await SeedAsync(services));
        var full = await CountsAsync(database);

        // What the previous version left behind: the accounts and the network, no workbook at all.
        await using (var db = new VerkostamoDbContext(database.Options()))
        {
            var networkId = await db.Networks.Where(n => n.Name == DemoSeeder.DemoNetworkName).Select(n => n.Id).SingleAsync();
            await ForgetWorkbookAsync(db, networkId);
            await ForgetMapAsync(db, networkId);
        }
        Assert.Equal(new Counts(0, 0, 0, 0, 0), await CountsAsync(database));

        Assert.True(await SeedAsync(services));
        Assert.Equal(full, await CountsAsync(database));

        Assert.False(await SeedAsync(services));
        Assert.Equal(full, await CountsAsync(database));
        await using var after = new VerkostamoDbContext(database.Options());
        Assert.Equal(1, await after.Networks.CountAsync(n => n.Name == DemoSeeder.DemoNetworkName));
    }

    [Fact]
    public async Task A_demo_workbook_someone_wrote_in_and_emptied_again_is_not_filled_in()
    {
        await using var database = TestDatabase.CreateMigrated();
        await using var services = DemoServices.Build(database, clock);
        Assert.True(await SeedAsync(services));
        Guid networkId;
        string demoId;
        await using (var db = new VerkostamoDbContext(database.Options()))
        {
            networkId = await db.Networks.Where(n => n.Name == DemoSeeder.DemoNetworkName).Select(n => n.Id).SingleAsync();
            demoId = await db.Users.Where(u => u.Email == DemoSeeder.DemoEmail).Select(u => u.Id).SingleAsync();
            await ForgetWorkbookAsync(db, networkId);
        }
        // A visitor writes a responsibility text in the empty workbook and then clears it.
        var workbook = services.GetRequiredService<WorkbookService>();
        var answers = services.GetRequiredService<AnswerService>();
        var version = (await workbook.GetSectionAsync(networkId, demoId, "picture"))!.ResponsibilitiesVersion;
        version = (await answers.UpdateResponsibilitiesAsync(networkId, demoId, AnswerOwner.Section("picture"), "Kalle piirtää kuvan.", version)).Value;
        Assert.True((await answers.UpdateResponsibilitiesAsync(networkId, demoId, AnswerOwner.Section("picture"), "", version)).Succeeded);
        var emptied = await CountsAsync(database);

        Assert.False(await SeedAsync(services));

        Assert.Equal(emptied, await CountsAsync(database));
        Assert.Equal(new Counts(WorkbookTemplate.Current.Sections.Count, 0, 0, 0, 2), emptied);
    }

    [Fact]
    public async Task An_earlier_demo_network_in_the_bin_is_left_alone()
    {
        await using var database = TestDatabase.CreateMigrated();
        await using var services = DemoServices.Build(database, clock);
        Assert.True(await SeedAsync(services));
        await using (var db = new VerkostamoDbContext(database.Options()))
        {
            var networkId = await db.Networks.Where(n => n.Name == DemoSeeder.DemoNetworkName).Select(n => n.Id).SingleAsync();
            await ForgetWorkbookAsync(db, networkId);
            await db.Networks.Where(n => n.Id == networkId).ExecuteUpdateAsync(u => u.SetProperty(n => n.DeletedAt, TestTime.Start));
        }

        Assert.False(await SeedAsync(services));

        Assert.Equal(new Counts(0, 0, 0, 0, 0), await CountsAsync(database));
    }

    [Fact]
    public async Task An_earlier_demo_network_whose_members_have_changed_is_filled_in_by_those_who_may_still_write()
    {
        await using var database = TestDatabase.CreateMigrated();
        await using var services = DemoServices.Build(database, clock);
        Assert.True(await SeedAsync(services));
        var full = await CountsAsync(database);
        const string sanna = "sanna.sidosryhma@verkostamo.fi";
        const string jussi = "jussi.jasen@verkostamo.fi";
        string sannaId, jussiId;
        await using (var db = new VerkostamoDbContext(database.Options()))
        {
            var networkId = await db.Networks.Where(n => n.Name == DemoSeeder.DemoNetworkName).Select(n => n.Id).SingleAsync();
            await ForgetWorkbookAsync(db, networkId);
            sannaId = await db.Users.Where(u => u.Email == sanna).Select(u => u.Id).SingleAsync();
            jussiId = await db.Users.Where(u => u.Email == jussi).Select(u => u.Id).SingleAsync();
            // Sanna has left the network and Jussi may now only read.
            await db.Memberships.Where(m => m.NetworkId == networkId && m.UserId == sannaId).ExecuteDeleteAsync();
            await db.Memberships.Where(m => m.NetworkId == networkId && m.UserId == jussiId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, NetworkRole.Viewer));
        }

        Assert.True(await SeedAsync(services));

        var filled = await CountsAsync(database);
        Assert.Equal(full with { Audit = filled.Audit }, filled);
        await using var after = new VerkostamoDbContext(database.Options());
        var id = await after.Networks.Where(n => n.Name == DemoSeeder.DemoNetworkName).Select(n => n.Id).SingleAsync();
        var authors = await after.AuditEntries.Where(e => e.NetworkId == id).Select(e => e.UserId).Distinct().ToListAsync();
        Assert.DoesNotContain(sannaId, authors);
        Assert.DoesNotContain(jussiId, authors);
        Assert.True(await after.Actions.AnyAsync(a => a.NetworkId == id && a.OwnerName == "Sanna Sidosryhmä" && a.OwnerMembershipId == null));
        Assert.True(await after.Actions.AnyAsync(a => a.NetworkId == id && a.OwnerMembershipId != null
            && after.Memberships.Any(m => m.Id == a.OwnerMembershipId && m.UserId == jussiId)));

        Assert.False(await SeedAsync(services));
        Assert.Equal(filled, await CountsAsync(database));
    }

    [Fact]
    public async Task The_demo_map_has_actors_links_two_views_and_two_versions_a_year_apart_that_tell_a_story()
    {
        var database = seeded.Database;
        var services = seeded.Services;
        Assert.True(seeded.FirstResult);

        await using var db = new VerkostamoDbContext(database.Options());
        var network = await db.Networks.SingleAsync(n => n.Name == DemoSeeder.DemoNetworkName);
        var actors = await db.Actors.Where(a => a.NetworkId == network.Id && a.DeletedAt == null).ToListAsync();
        var live = actors.Select(a => a.Id).ToHashSet();
        var links = (await db.Links.Where(l => l.NetworkId == network.Id && l.DeletedAt == null).ToListAsync())
            .Where(l => live.Contains(l.SourceActorId) && live.Contains(l.TargetActorId)).ToList();
        Assert.InRange(actors.Count, 38, 46);
        Assert.InRange(links.Count, 85, 105);
        Assert.All(Enum.GetValues<Sector>(), s => Assert.Contains(actors, a => a.Sector == s));
        Assert.All(Enum.GetValues<ActorKind>(), k => Assert.Contains(actors, a => a.Kind == k));
        Assert.All(MapVocabulary.Levels, l => Assert.Contains(actors, a => a.Levels.HasFlag(l)));
        Assert.Equal(2, actors.Count(a => a.RoleNow == ParticipationRole.Locomotive && a.Kind == ActorKind.Organisation));
        Assert.Contains(actors, a => a.RoleWanted is not null && a.RoleWanted != a.RoleNow);
        Assert.All(new[] { "tiedonvaihto", "asiakasohjaus", "yhteinen kehittäminen", "rahoitus" }, k => Assert.Contains(links, l => l.Kinds.Contains(k)));
        Assert.Contains(links, l => (l.Marks & MapVocabulary.StrongMarks) != 0 && l.Strength == LinkStrength.Strong);
        Assert.Contains(actors, a => a.Email is not null && a.Tags.Count > 0);

        var views = await db.MapViews.Where(v => v.NetworkId == network.Id).OrderBy(v => v.Order).ToListAsync();
        Assert.Equal(["Koko verkosto", "Sektorit ja tasot"], views.Select(v => v.Name));
        Assert.Equal((MapLayout.Force, MapStyleBy.Sector), (MapViewSettings.FromJson(views[0].SettingsJson).Layout, MapViewSettings.FromJson(views[0].SettingsJson).ColourBy));
        Assert.Equal((MapLayout.SectorLevelGrid, MapStyleBy.Role), (MapViewSettings.FromJson(views[1].SettingsJson).Layout, MapViewSettings.FromJson(views[1].SettingsJson).ColourBy));

        var versions = await db.MapVersions.Where(v => v.NetworkId == network.Id).OrderBy(v => v.TakenAt).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.Equal(TimeSpan.FromDays(365), versions[1].TakenAt - versions[0].TakenAt);
        Assert.Equal(actors.Count, versions[1].ActorCount);
        var past = MapDocument.FromJson(versions[0].SnapshotJson);
        var comparison = MapComparer.Compare(past, MapDocument.FromJson(versions[1].SnapshotJson));
        Assert.True(comparison.HasChanges);
        Assert.NotEmpty(comparison.StrengthChanges);
        Assert.NotEmpty(comparison.AddedActors);
        Assert.NotEmpty(comparison.RemovedActors);
        Assert.Contains(comparison.RoleChanges, c => c.After == ParticipationRole.Locomotive);
        // A year ago the third sector was joined to the others by weak links only; now it has strong ones.
        var sectors = past.Actors.ToDictionary(a => a.Key, a => a.Sector);
        bool Bridge(string a, string b) => (sectors[a] == Sector.ThirdSector) != (sectors[b] == Sector.ThirdSector);
        Assert.DoesNotContain(past.Links, l => Bridge(l.SourceKey, l.TargetKey) && l.Strength == LinkStrength.Strong);
        var sectorNow = actors.ToDictionary(a => a.Id, a => a.Sector);
        Assert.Contains(links, l => l.Strength == LinkStrength.Strong && (sectorNow[l.SourceActorId] == Sector.ThirdSector) != (sectorNow[l.TargetActorId] == Sector.ThirdSector));
        Assert.Single(past.Actors, a => a.RoleNow == ParticipationRole.Locomotive && a.Kind == ActorKind.Organisation);

        // Seeding again adds nothing to the map.
        var before = (await db.Actors.CountAsync(a => a.NetworkId == network.Id), await db.Links.CountAsync(l => l.NetworkId == network.Id),
            await db.MapViews.CountAsync(v => v.NetworkId == network.Id), await db.MapVersions.CountAsync(v => v.NetworkId == network.Id));
        Assert.False(await SeedAsync(services));
        Assert.Equal(before, (await db.Actors.CountAsync(a => a.NetworkId == network.Id), await db.Links.CountAsync(l => l.NetworkId == network.Id),
            await db.MapViews.CountAsync(v => v.NetworkId == network.Id), await db.MapVersions.CountAsync(v => v.NetworkId == network.Id)));
    }

    /// <summary>Leaves the demo network as the version before the workbook left it: no workbook, no clock, no history of either.</summary>
    private static async Task ForgetWorkbookAsync(VerkostamoDbContext db, Guid networkId)
    {
        await db.Actions.Where(a => a.NetworkId == networkId).ExecuteDeleteAsync();
        await db.KeySolutions.Where(k => k.NetworkId == networkId).ExecuteDeleteAsync();
        await db.ClockEvents.Where(e => e.NetworkId == networkId).ExecuteDeleteAsync();
        await db.NetworkClocks.Where(c => c.NetworkId == networkId).ExecuteDeleteAsync();
        await db.Themes.Where(t => t.NetworkId == networkId).ExecuteDeleteAsync();
        await db.LeadershipPlacements.Where(p => p.NetworkId == networkId).ExecuteDeleteAsync();
        await db.WorkbookSections.Where(s => s.NetworkId == networkId).ExecuteDeleteAsync();
        await db.Workbooks.Where(w => w.NetworkId == networkId).ExecuteDeleteAsync();
        await db.AuditEntries.Where(e => e.NetworkId == networkId).ExecuteDeleteAsync();
    }

    /// <summary>A demo network from before the map had none.</summary>
    private static async Task ForgetMapAsync(VerkostamoDbContext db, Guid networkId)
    {
        await db.MapVersions.Where(v => v.NetworkId == networkId).ExecuteDeleteAsync();
        await db.MapViews.Where(v => v.NetworkId == networkId).ExecuteDeleteAsync();
        await db.Links.Where(l => l.NetworkId == networkId).ExecuteDeleteAsync();
        await db.Actors.Where(a => a.NetworkId == networkId).ExecuteDeleteAsync();
    }

    private sealed record Counts(int Sections, int KeySolutions, int Actions, int Themes, int Audit);

    private static async Task<Counts> CountsAsync(TestDatabase database)
    {
        await using var db = new VerkostamoDbContext(database.Options());
        var id = await db.Networks.Where(n => n.Name == DemoSeeder.DemoNetworkName).Select(n => n.Id).SingleAsync();
        return new(
            await db.WorkbookSections.CountAsync(s => s.NetworkId == id),
            await db.KeySolutions.CountAsync(k => k.NetworkId == id),
            await db.Actions.CountAsync(a => a.NetworkId == id),
            await db.Themes.CountAsync(t => t.NetworkId == id),
            await db.AuditEntries.CountAsync(e => e.NetworkId == id));
    }

    private async Task<bool> TimedSeedAsync(ServiceProvider services, string label)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await SeedAsync(services);
        output.WriteLine($"Demo seeding ({label}): {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s");
        return result;
    }

    private static async Task<bool> SeedAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Password);
    }
}
