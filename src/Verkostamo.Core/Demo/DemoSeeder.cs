using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Actions;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Demo;

/// <summary>
/// Creates the demo account and the demo network <c>Esimerkkiverkosto</c> with members in every role, and
/// fills its workbook (<see cref="DemoWorkbook"/>) through the workbook services so that the history names
/// the demo members as authors. Idempotent: a second run finds everything in place and changes nothing; a
/// demo network from an earlier version without workbook answers gets them once.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<VerkostamoDbContext> dbFactory,
    UserManager<User> users,
    TimeProvider clock,
    WorkbookService workbook,
    AnswerService answers,
    ThemeService themes,
    ActionService actions,
    ClockService clockEvents)
{
    public const string DemoEmail = "demo@verkostamo.fi";
    public const string DemoNetworkName = "Esimerkkiverkosto";

    private static readonly (string Email, string Name, NetworkRole Role)[] People =
    [
        (DemoEmail, "Demo Käyttäjä", NetworkRole.Owner),
        ("outi.omistaja@verkostamo.fi", "Outi Omistaja", NetworkRole.Owner),
        ("fanni.fasilitaattori@verkostamo.fi", "Fanni Fasilitaattori", NetworkRole.Facilitator),
        ("kalle.koordinaattori@verkostamo.fi", "Kalle Koordinaattori", NetworkRole.Facilitator),
        ("jussi.jasen@verkostamo.fi", "Jussi Jäsen", NetworkRole.Member),
        ("maija.jasen@verkostamo.fi", "Maija Jäsen", NetworkRole.Member),
        ("sanna.sidosryhma@verkostamo.fi", "Sanna Sidosryhmä", NetworkRole.Member),
        ("ville.valvoja@verkostamo.fi", "Ville Valvoja", NetworkRole.Viewer),
        ("riikka.rahoittaja@verkostamo.fi", "Riikka Rahoittaja", NetworkRole.Viewer),
    ];

    /// <returns>True when anything was created.</returns>
    public async Task<bool> SeedAsync(string password, CancellationToken ct = default)
    {
        var created = false;
        var ids = new Dictionary<string, string>();
        foreach (var (email, name, _) in People)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException("The demo account could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
                }
                created = true;
            }
            ids[email] = user.Id;
        }

        var demoId = ids[DemoEmail];
        Guid networkId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var existing = await db.Memberships.Where(m => m.UserId == demoId && m.Network!.Name == DemoNetworkName)
                .Select(m => (Guid?)m.NetworkId).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                networkId = id;
            }
            else
            {
                networkId = await CreateNetworkAsync(db, ids, ct);
                created = true;
            }
        }
        var filled = await FillWorkbookAsync(networkId, ids, ct);
        var clockFilled = await FillClockAsync(networkId, ids, filled, ct);
        bool mapFilled;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            mapFilled = await DemoMap.SeedAsync(db, networkId, demoId, clock.GetUtcNow(), ct);
        }
        bool assessed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Members answer as themselves; the rest of the twelve answered anonymously by link.
            var members = People.Where(p => p.Role is NetworkRole.Member or NetworkRole.Facilitator).Select(p => ids[p.Email]).ToList();
            assessed = await DemoAssessments.SeedAsync(db, networkId, ids["fanni.fasilitaattori@verkostamo.fi"], members, clock.GetUtcNow(), ct);
        }
        return filled || clockFilled || mapFilled || assessed || created;
    }

    private async Task<Guid> CreateNetworkAsync(VerkostamoDbContext db, Dictionary<string, string> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var network = new Network
        {
            Id = Guid.NewGuid(),
            Name = DemoNetworkName,
            EventName = "Verkostotyöpaja 2026",
            ShortDescription = "Pohjoiskarjalainen työllisyyspalvelujen verkosto: kunnat, ELY-keskus, TE-palvelut, yritykset ja järjestöt kehittävät yhteistä palvelupolkua.",
            Language = "fi",
            CreatedAt = now,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
        foreach (var (email, _, role) in People)
        {
            network.Memberships.Add(new Membership { Id = Guid.NewGuid(), UserId = ids[email], Role = role, JoinedAt = now });
        }
        db.Networks.Add(network);
        await db.SaveChangesAsync(ct);
        return network.Id;
    }

    /// <summary>Writes the demo workbook when nobody has written in the network's workbook yet.</summary>
    private async Task<bool> FillWorkbookAsync(Guid networkId, Dictionary<string, string> ids, CancellationToken ct)
    {
        // Reading the workbook creates its sections from the template when the network has none yet; a demo
        // network in the bin reads as nothing and is left alone.
        var view = await workbook.GetAsync(networkId, ids[DemoEmail], ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Answers once written and then deleted count too: the demo is filled in once, never refilled.
        if (view is null
            || view.Sections.Any(s => s.Answered)
            || await db.Themes.AnyAsync(t => t.NetworkId == networkId, ct)
            || await db.AuditEntries.AnyAsync(e => e.NetworkId == networkId && e.Scope != null && (e.Scope.StartsWith("section:") || e.Scope.StartsWith("theme:")), ct))
        {
            return false;
        }
        var memberships = await db.Memberships.Where(m => m.NetworkId == networkId).ToDictionaryAsync(m => m.UserId, m => new { m.Id, m.Role }, ct);
        if (!memberships.TryGetValue(ids[DemoEmail], out var demo) || demo.Role < NetworkRole.Member)
        {
            return false;
        }
        // The network may have changed since an earlier version created it: the demo account writes for anyone
        // who has left or may only read, and a step owner who has left is named in free text.
        var writers = People.ToDictionary(p => p.Email,
            p => memberships.TryGetValue(ids[p.Email], out var m) && m.Role >= NetworkRole.Member ? ids[p.Email] : ids[DemoEmail]);
        var owners = People.Where(p => memberships.ContainsKey(ids[p.Email])).ToDictionary(p => p.Email, p => memberships[ids[p.Email]].Id);
        var names = People.ToDictionary(p => p.Email, p => p.Name);
        var sections = await db.WorkbookSections.AsNoTracking().Where(s => s.NetworkId == networkId)
            .ToDictionaryAsync(s => s.Key, s => new { s.FieldsVersion, s.ResponsibilitiesVersion }, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var filler = new Filler(networkId, writers, owners, names, today, answers, actions);

        foreach (var fields in DemoWorkbook.Fields.Where(f => f.Key == "cover"))
        {
            Check(await workbook.UpdateFieldsAsync(networkId, writers[fields.By], fields.Key, fields.Fields, sections[fields.Key].FieldsVersion, ct));
        }
        foreach (var section in DemoWorkbook.Sections)
        {
            if (DemoWorkbook.Fields.SingleOrDefault(f => f.Key == section.Key) is { } fields)
            {
                Check(await workbook.UpdateFieldsAsync(networkId, writers[fields.By], fields.Key, fields.Fields, sections[fields.Key].FieldsVersion, ct));
            }
            if (section.Key == "leadership")
            {
                foreach (var placement in DemoWorkbook.Placements.Where(p => writers[p.Who] == ids[p.Who]))
                {
                    Check(await workbook.SetPlacementAsync(networkId, ids[placement.Who], placement.Placement, ct));
                }
            }
            await filler.FillAsync(AnswerOwner.Section(section.Key), section.Answers, sections[section.Key].ResponsibilitiesVersion, ct);
        }
        foreach (var theme in DemoWorkbook.Themes)
        {
            var themeId = Check(await themes.CreateAsync(networkId, writers[theme.By], new ThemeInput(theme.Title, theme.Goal), ct));
            var version = await db.Themes.Where(t => t.Id == themeId).Select(t => t.ResponsibilitiesVersion).SingleAsync(ct);
            await filler.FillAsync(AnswerOwner.Theme(themeId), theme.Answers, version, ct);
        }
        return true;
    }

    /// <summary>
    /// Puts a full year of events on the demo clock once: with the demo workbook, or later for a demo network whose
    /// workbook is filled in but whose clock was never opened. Never when anyone has added an event of their own
    /// (deleted ones count), and only as members who may still write.
    /// </summary>
    private async Task<bool> FillClockAsync(Guid networkId, Dictionary<string, string> ids, bool workbookFilled, CancellationToken ct)
    {
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            var fresh = workbookFilled
                || (!await check.NetworkClocks.AnyAsync(c => c.NetworkId == networkId, ct)
                    && await check.KeySolutions.AnyAsync(k => k.NetworkId == networkId && k.DeletedAt == null, ct));
            if (!fresh || await check.ClockEvents.AnyAsync(e => e.NetworkId == networkId && e.CreatedByUserId != null, ct))
            {
                return false;
            }
        }
        if (await clockEvents.GetYearAsync(networkId, ids[DemoEmail], clockEvents.Today.Year, ct) is not { CanEdit: true } year)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Roles are stored by name, so they are compared here rather than in SQL.
        var writers = (await db.Memberships.Where(m => m.NetworkId == networkId).Select(m => new { m.UserId, m.Role }).ToListAsync(ct))
            .Where(m => m.Role >= NetworkRole.Member).Select(m => m.UserId).ToHashSet();
        var phases = await db.WorkbookSections.AsNoTracking().Where(s => s.NetworkId == networkId && s.Key == "learning-phases-clock")
            .Select(s => s.FieldsJson).SingleOrDefaultAsync(ct) is { } json ? SectionFields.FromJson(json).LearningPhases ?? [] : [];
        var themesByTitle = await db.Themes.Where(t => t.NetworkId == networkId && t.DeletedAt == null)
            .ToDictionaryAsync(t => t.Title, t => t.Id, ct);
        foreach (var e in DemoClock.Events(year.Year, phases))
        {
            var by = writers.Contains(ids[e.By]) ? ids[e.By] : ids[DemoEmail];
            var input = e.Theme is not null && themesByTitle.TryGetValue(e.Theme, out var themeId) ? e.Input with { ThemeId = themeId } : e.Input;
            Check(await clockEvents.CreateAsync(networkId, by, input, ct));
        }
        return true;
    }

    private static T Check<T>(ServiceResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException("The demo workbook could not be written: " + result.ErrorCode);

    private static void Check(ServiceResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The demo workbook could not be written: " + result.ErrorCode);
        }
    }

    /// <summary>Writes one section's or theme's answer blocks as the named members.</summary>
    private sealed class Filler(
        Guid networkId,
        Dictionary<string, string> writers,
        Dictionary<string, Guid> owners,
        Dictionary<string, string> names,
        DateOnly today,
        AnswerService answers,
        ActionService actions)
    {
        public async Task FillAsync(AnswerOwner owner, DemoAnswers block, Guid responsibilitiesVersion, CancellationToken ct)
        {
            // Key solutions alternate between the block's two writers, as they would in a workshop.
            for (var i = 0; i < block.KeySolutions.Count; i++)
            {
                var by = i % 2 == 0 ? block.By : block.ResponsibilitiesBy;
                Check(await answers.AddKeySolutionAsync(networkId, writers[by], owner, block.KeySolutions[i], ct));
            }
            foreach (var step in block.Steps)
            {
                await AddStepAsync(owner, step, ct);
            }
            Check(await answers.UpdateResponsibilitiesAsync(networkId, writers[block.ResponsibilitiesBy], owner, block.Responsibilities, responsibilitiesVersion, ct));
        }

        /// <summary>A step is planned first; one that has moved on is then updated by its owner (or its writer).</summary>
        private async Task AddStepAsync(AnswerOwner owner, DemoStep step, CancellationToken ct)
        {
            Guid? ownerId = step.Owner is not null && owners.TryGetValue(step.Owner, out var membershipId) ? membershipId : null;
            var ownerName = step.Owner is not null && ownerId is null ? names[step.Owner] : step.OwnerName;
            var due = step.DueInDays is { } days ? today.AddDays(days) : (DateOnly?)null;
            var planned = new ActionInput(step.Title, ownerId, ownerName, due, ActionStatus.Planned);
            var id = Check(await actions.AddAsync(networkId, writers[step.By], owner, planned, ct));
            if (step.Status != ActionStatus.Planned)
            {
                var version = (await actions.GetAsync(networkId, writers[step.By], id, ct))!.Version;
                var by = step.Owner ?? step.By;
                Check(await actions.UpdateAsync(networkId, writers[by], id, planned with { Status = step.Status, Notes = step.Notes }, version, ct));
            }
        }
    }
}
