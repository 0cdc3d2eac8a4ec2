using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Demo;

/// <summary>
/// Creates the demo account and the demo network <c>Esimerkkiverkosto</c> with members in every role.
/// Idempotent: a second run finds everything in place and changes nothing.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<VerkostamoDbContext> dbFactory, UserManager<User> users, TimeProvider clock)
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

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var demoId = ids[DemoEmail];
        var exists = await db.Memberships.AnyAsync(m => m.UserId == demoId && m.Network!.Name == DemoNetworkName, ct);
        if (exists)
        {
            return created;
        }
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
        return true;
    }
}
