using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Demo;

/// <summary>
/// The demo network's map: a North Karelian employment-services network of about 42 actors and 95 links, two
/// saved views, and two versions a year apart that tell a story. A year ago the third sector hung on the
/// rest by weak links only and the TE services carried everything as the one locomotive; now the city has
/// become a second locomotive, the third sector has strong links, a project has ended, a company has left
/// and three actors have joined. People are fictional, as are the companies and their contact details.
/// </summary>
public static class DemoMap
{
    private enum Era
    {
        Both,
        Left,
        Joined,
    }

    private sealed record DemoActor(string Key, string Name, ActorKind Kind, Sector Sector, Level Levels, ParticipationRole? Now, ParticipationRole? Wanted,
        string? Organisation = null, string? Contact = null, string? Email = null, string? Phone = null, string? Website = null, string Tags = "",
        ParticipationRole? Past = null, Era Era = Era.Both, string Notes = "");

    private const Level SU = Level.SharedUnderstanding;
    private const Level AD = Level.Advocacy;
    private const Level ST = Level.Strategy;
    private const Level SP = Level.ServicePath;
    private const Level CI = Level.CustomerInterface;
    private const ParticipationRole Loco = ParticipationRole.Locomotive;
    private const ParticipationRole Strong = ParticipationRole.StrongParticipant;
    private const ParticipationRole Occasional = ParticipationRole.OccasionalParticipant;
    private const ParticipationRole Relay = ParticipationRole.InformationRelay;

    private static readonly DemoActor[] Actors =
    [
        // Public sector
        new("te", "Pohjois-Karjalan TE-palvelut", ActorKind.Organisation, Sector.Public, ST | SP | CI, Loco, Strong, Contact: "Leena Karjalainen",
            Email: "asiakaspalvelu.te@example.fi", Phone: "0295 025 500", Website: "https://toimistot.te-palvelut.fi/pohjois-karjala", Tags: "työllisyys, työnvälitys",
            Notes: "Kantoi vuosi sitten verkoston lähes yksin; tavoitteena jakaa veturin rooli kaupungin kanssa."),
        new("ely", "Pohjois-Karjalan ELY-keskus", ActorKind.Organisation, Sector.Public, AD | ST, Strong, Strong, Email: "kirjaamo.ely@example.fi",
            Website: "https://www.ely-keskus.fi/pohjois-karjala", Tags: "rahoitus, aluekehitys"),
        new("joensuu", "Joensuun kaupunki", ActorKind.Organisation, Sector.Public, SU | AD | ST, Loco, Loco, Contact: "Pekka Hirvonen", Email: "kirjaamo.joensuu@example.fi",
            Phone: "013 267 7111", Website: "https://www.joensuu.fi", Tags: "kunta, työllisyys", Past: Strong),
        new("tyollisyys", "Joensuun seudun työllisyyspalvelut", ActorKind.Unit, Sector.Public, SP | CI, Strong, Strong, Organisation: "Joensuun kaupunki",
            Email: "tyollisyyspalvelut@example.fi", Phone: "013 267 4000", Tags: "työllisyys, kuntakokeilu"),
        new("siunsote", "Siun sote", ActorKind.Organisation, Sector.Public, ST | SP, Strong, Strong, Website: "https://www.siunsote.fi", Tags: "sote"),
        new("tyokyky", "Siun soten työkykykoordinaattorit", ActorKind.Group, Sector.Public, SP | CI, Strong, Strong, Organisation: "Siun sote", Tags: "työkyky, sote",
            Past: Occasional),
        new("kela", "Kela, Itä-Suomen vakuutuspiiri", ActorKind.Organisation, Sector.Public, SP, Occasional, Strong, Website: "https://www.kela.fi", Tags: "etuudet, kuntoutus"),
        new("karelia", "Karelia-ammattikorkeakoulu", ActorKind.Organisation, Sector.Public, SU | ST, Strong, Strong, Contact: "Sari Turunen", Email: "hankkeet.karelia@example.fi",
            Website: "https://www.karelia.fi", Tags: "koulutus, tutkimus"),
        new("riveria", "Riveria", ActorKind.Organisation, Sector.Public, SP | CI, Strong, Strong, Organisation: "Pohjois-Karjalan koulutuskuntayhtymä",
            Website: "https://www.riveria.fi", Tags: "koulutus, oppisopimus"),
        new("uef", "Itä-Suomen yliopisto", ActorKind.Organisation, Sector.Public, SU, Relay, Occasional, Website: "https://www.uef.fi", Tags: "tutkimus"),
        new("liperi", "Liperin kunta", ActorKind.Organisation, Sector.Public, ST, Occasional, Strong, Tags: "kunta"),
        new("kontiolahti", "Kontiolahden kunta", ActorKind.Organisation, Sector.Public, ST, Occasional, Strong, Tags: "kunta"),
        new("outokumpu", "Outokummun kaupunki", ActorKind.Organisation, Sector.Public, ST, Occasional, Occasional, Tags: "kunta"),
        new("maakuntaliitto", "Pohjois-Karjalan maakuntaliitto", ActorKind.Organisation, Sector.Public, SU | AD, Relay, Strong, Website: "https://www.pohjois-karjala.fi",
            Tags: "aluekehitys, rahoitus"),
        new("ohjaamo", "Ohjaamo Joensuu", ActorKind.Unit, Sector.Public, CI, Strong, Strong, Organisation: "Joensuun kaupunki", Phone: "013 267 5400", Tags: "nuoret"),
        new("kotoutuminen", "Joensuun kotoutumispalvelut", ActorKind.Unit, Sector.Public, SP | CI, Strong, Strong, Organisation: "Joensuun kaupunki", Tags: "maahanmuuttajat",
            Era: Era.Joined),
        new("leena", "Leena Karjalainen", ActorKind.Person, Sector.Public, SP, Strong, Strong, Organisation: "Pohjois-Karjalan TE-palvelut",
            Email: "leena.karjalainen@example.fi", Phone: "0295 025 501", Tags: "yhteyshenkilö"),
        new("pekka", "Pekka Hirvonen", ActorKind.Person, Sector.Public, ST, Loco, Loco, Organisation: "Joensuun kaupunki", Email: "pekka.hirvonen@example.fi",
            Phone: "050 123 4501", Tags: "yhteyshenkilö", Past: Strong),
        new("sari", "Sari Turunen", ActorKind.Person, Sector.Public, SU | ST, Strong, Strong, Organisation: "Karelia-ammattikorkeakoulu", Email: "sari.turunen@example.fi",
            Tags: "yhteyshenkilö, hankkeet"),

        // Private sector
        new("yrittajat", "Pohjois-Karjalan Yrittäjät", ActorKind.Organisation, Sector.Private, AD, Occasional, Strong, Website: "https://www.yrittajat.fi/pohjois-karjalan-yrittajat",
            Tags: "yritykset, edunvalvonta"),
        new("kauppakamari", "Itä-Suomen kauppakamari", ActorKind.Organisation, Sector.Private, AD, Relay, Relay, Tags: "yritykset"),
        new("josek", "Business Joensuu", ActorKind.Organisation, Sector.Private, ST, Strong, Strong, Organisation: "Josek Oy", Tags: "yrityspalvelut, aluekehitys"),
        new("puutuote", "Karjalan Puutuote Oy", ActorKind.Organisation, Sector.Private, CI, Occasional, Strong, Contact: "Jari Lehikoinen", Email: "rekry@puutuote.example.fi",
            Tags: "työnantaja, teollisuus"),
        new("konepaja", "Joen Konepaja Oy", ActorKind.Organisation, Sector.Private, CI, Occasional, Occasional, Email: "toimisto@konepaja.example.fi", Tags: "työnantaja, teollisuus"),
        new("siivous", "Vaara-Siivous Oy", ActorKind.Organisation, Sector.Private, CI, Occasional, Occasional, Phone: "040 555 0142", Tags: "työnantaja, palvelut"),
        new("logistiikka", "Pielisen Logistiikka Oy", ActorKind.Organisation, Sector.Private, CI, Occasional, Occasional, Tags: "työnantaja", Era: Era.Left,
            Notes: "Lopetti Joensuun toimipisteensä."),
        new("it", "Kontio IT Oy", ActorKind.Organisation, Sector.Private, ST | CI, Occasional, Strong, Email: "hello@kontioit.example.fi", Tags: "työnantaja, digitaalisuus",
            Era: Era.Joined),
        new("henkilosto", "Henkilöstöpalvelu Tähti Oy", ActorKind.Organisation, Sector.Private, SP | CI, Occasional, Strong, Contact: "Tiina Hakkarainen",
            Email: "joensuu@tahti.example.fi", Tags: "rekrytointi"),
        new("tiina", "Tiina Hakkarainen", ActorKind.Person, Sector.Private, CI, Occasional, Strong, Organisation: "Henkilöstöpalvelu Tähti Oy",
            Email: "tiina.hakkarainen@tahti.example.fi", Phone: "040 555 0177", Tags: "yhteyshenkilö"),

        // Third sector
        new("setlementti", "Joensuun Setlementti ry", ActorKind.Organisation, Sector.ThirdSector, SP | CI, Strong, Strong, Email: "toimisto@setlementti.example.fi",
            Tags: "järjestö, työpajat", Past: Occasional),
        new("tyottomat", "Joensuun Seudun Työttömät ry", ActorKind.Organisation, Sector.ThirdSector, AD | CI, Strong, Strong, Contact: "Mikko Pesonen",
            Phone: "013 555 0190", Tags: "järjestö, vertaistuki", Past: Relay),
        new("mielenterveys", "Pohjois-Karjalan Mielenterveysseura ry", ActorKind.Organisation, Sector.ThirdSector, CI, Occasional, Strong, Tags: "järjestö, mielenterveys"),
        new("martat", "Pohjois-Karjalan Martat ry", ActorKind.Organisation, Sector.ThirdSector, CI, Occasional, Occasional, Tags: "järjestö"),
        new("spr", "SPR Joensuun osasto", ActorKind.Organisation, Sector.ThirdSector, CI, Relay, Occasional, Tags: "järjestö, vapaaehtoiset"),
        new("nuorisoverkko", "Joensuun Nuorisoverkko ry", ActorKind.Organisation, Sector.ThirdSector, CI, Occasional, Strong, Tags: "järjestö, nuoret"),
        new("monikulttuuri", "Monikulttuurinen yhdistys Kotikulma ry", ActorKind.Organisation, Sector.ThirdSector, CI, Occasional, Strong, Tags: "järjestö, maahanmuuttajat",
            Era: Era.Joined),
        new("verstas", "Työpajayhdistys Verstas ry", ActorKind.Organisation, Sector.ThirdSector, SP | CI, Strong, Strong, Tags: "järjestö, työpajat"),
        new("vertaisryhma", "Työnhakijoiden vertaisryhmä", ActorKind.Group, Sector.ThirdSector, CI, Occasional, Occasional, Organisation: "Joensuun Seudun Työttömät ry",
            Tags: "vertaistuki"),
        new("mikko", "Mikko Pesonen", ActorKind.Person, Sector.ThirdSector, AD | CI, Strong, Strong, Organisation: "Joensuun Seudun Työttömät ry",
            Email: "mikko.pesonen@tyottomat.example.fi", Tags: "yhteyshenkilö"),

        // Other
        new("srk", "Joensuun ev.-lut. seurakuntayhtymän diakoniatyö", ActorKind.Unit, Sector.Other, CI, Relay, Occasional, Tags: "diakonia"),
        new("saatio", "Säätiö Karjalan Kipinä", ActorKind.Organisation, Sector.Other, AD, Occasional, Occasional, Tags: "rahoitus"),
        new("forum", "Työ Karjalassa -yhteistyöfoorumi", ActorKind.Group, Sector.Other, SU | AD | ST, Strong, Loco, Tags: "foorumi"),
        new("viesti", "Paikallislehti Vaaran Viesti", ActorKind.Organisation, Sector.Other, SU, Relay, Relay, Tags: "media"),
        new("hanke", "Työpolku-hanke 2023–2025", ActorKind.Group, Sector.Other, ST | SP, Strong, Strong, Organisation: "Karelia-ammattikorkeakoulu", Tags: "hanke",
            Era: Era.Left, Notes: "Hanke päättyi; sen työ jatkuu työllisyyspalveluissa."),
    ];

    /// <summary>
    /// Links as "a b past now kinds": strengths S (strong), W (weak) or - (not there); kinds t = information
    /// exchange, a = customer referrals, k = joint development, r = funding.
    /// </summary>
    private static readonly string[] Links =
    [
        "te ely S S tkr", "te joensuu S S tk", "te tyollisyys S S ta", "te siunsote S S a", "te kela W W ta", "te riveria S S a", "te karelia W S k",
        "te ohjaamo S S a", "te henkilosto W W a", "te yrittajat W W t", "te kauppakamari W W t", "te tyottomat W S a", "te setlementti W W a",
        "te liperi W W a", "te kontiolahti W W a", "te outokumpu W W a", "te leena S S t", "te logistiikka W - a", "te hanke S - k",
        "te monikulttuuri - W a", "te kotoutuminen - S a",
        "joensuu tyollisyys S S k", "joensuu ely W S r", "joensuu siunsote S S k", "joensuu karelia W S k", "joensuu josek S S kr",
        "joensuu maakuntaliitto W W t", "joensuu ohjaamo S S k", "joensuu kotoutuminen - S k", "joensuu setlementti W S r", "joensuu forum W S t",
        "joensuu pekka S S t", "joensuu liperi W W t", "joensuu kontiolahti W W t",
        "tyollisyys siunsote W S a", "tyollisyys tyokyky W S a", "tyollisyys riveria S S a", "tyollisyys setlementti W S a", "tyollisyys tyottomat W W a",
        "tyollisyys verstas W S a", "tyollisyys henkilosto W W a", "tyollisyys puutuote W W a", "tyollisyys siivous W W a", "tyollisyys pekka S S t",
        "tyollisyys kela W W a", "tyollisyys spr - W a",
        "siunsote tyokyky S S k", "siunsote kela W W t", "siunsote mielenterveys W W t", "tyokyky mielenterveys - S a", "tyokyky vertaisryhma - W a",
        "siunsote ely W W r",
        "karelia riveria S S k", "karelia uef S S k", "karelia sari S S k", "karelia ely S S r", "karelia it - W k", "karelia hanke S - k",
        "riveria puutuote W S a", "riveria konepaja W S a", "riveria verstas W W k", "riveria ohjaamo W W a", "riveria monikulttuuri - W a",
        "uef maakuntaliitto W W t",
        "ely maakuntaliitto S S kr", "ely josek W W r", "ely saatio W W r", "ely hanke S - r", "ely yrittajat W W t", "maakuntaliitto forum W W t",
        "yrittajat kauppakamari S S t", "yrittajat puutuote W W t", "yrittajat konepaja W W t", "josek it - S k", "josek puutuote W W k",
        "henkilosto tiina S S t", "henkilosto siivous W W a", "henkilosto logistiikka W - a", "kauppakamari josek W W t",
        "tyottomat mikko S S t", "tyottomat setlementti S S k", "tyottomat vertaisryhma S S a", "setlementti verstas S S k", "setlementti spr W W t",
        "setlementti martat W W t", "mielenterveys vertaisryhma W W a", "monikulttuuri spr - W t", "monikulttuuri kotoutuminen - S a",
        "srk spr W W t", "srk tyottomat W W a", "saatio setlementti W W r", "saatio verstas W S r", "martat siivous W W k",
        "forum tyottomat W S t", "forum setlementti - S t", "forum te W S t", "nuorisoverkko ohjaamo W S a",
        "viesti joensuu W W t", "viesti yrittajat W W t", "viesti tyottomat - W t",
    ];

    private static readonly Dictionary<char, string> Kinds = new()
    {
        ['t'] = "tiedonvaihto",
        ['a'] = "asiakasohjaus",
        ['k'] = "yhteinen kehittäminen",
        ['r'] = "rahoitus",
    };

    private static readonly Dictionary<char, Level> KindLevels = new()
    {
        ['t'] = SU,
        ['a'] = SP | CI,
        ['k'] = ST,
        ['r'] = AD | ST,
    };

    public const string PastVersionName = "Vuosiversio";
    public const string CurrentVersionName = "Syksyn arviointi";

    /// <summary>
    /// Fills the map of the demo network when it has none (no actors, links, views or versions, even deleted
    /// ones); returns whether anything was added.
    /// </summary>
    public static async Task<bool> SeedAsync(VerkostamoDbContext db, Guid networkId, string userId, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.Actors.AnyAsync(a => a.NetworkId == networkId, ct) || await db.Links.AnyAsync(l => l.NetworkId == networkId, ct)
            || await db.MapViews.AnyAsync(v => v.NetworkId == networkId, ct) || await db.MapVersions.AnyAsync(v => v.NetworkId == networkId, ct)
            || !await db.Networks.AnyAsync(n => n.Id == networkId && n.DeletedAt == null, ct))
        {
            return false;
        }
        var yearAgo = now.AddDays(-365);
        var ids = Actors.ToDictionary(a => a.Key, _ => Guid.NewGuid());
        var links = Links.Select(Parse).ToList();

        // A year ago: everyone but the newcomers, in their roles of then, with the links of then.
        var actors = new Dictionary<string, Actor>();
        foreach (var a in Actors.Where(a => a.Era != Era.Joined))
        {
            actors[a.Key] = NewActor(db, a, ids[a.Key], networkId, userId, yearAgo.AddDays(-30), a.Past ?? a.Now);
        }
        var rows = new Dictionary<(string, string), Link>();
        foreach (var (from, to, past, _, kinds) in links.Where(l => l.Past is not null))
        {
            rows[(from, to)] = NewLink(db, ids[from], ids[to], past!.Value, kinds, networkId, userId, yearAgo.AddDays(-30));
        }
        await db.SaveChangesAsync(ct);
        await MapVersionService.AddAsync(db, networkId, userId, $"{PastVersionName} {yearAgo.Year}", MapVersionReason.Yearly, yearAgo, ct);
        await db.SaveChangesAsync(ct);

        // The year since: who left, who joined, which links grew stronger, ended or began, whose role changed.
        var changed = yearAgo.AddDays(200);
        foreach (var a in Actors.Where(a => a.Era == Era.Left))
        {
            actors[a.Key].DeletedAt = changed;
            actors[a.Key].DeletedByUserId = userId;
        }
        foreach (var a in Actors.Where(a => a.Era == Era.Joined))
        {
            actors[a.Key] = NewActor(db, a, ids[a.Key], networkId, userId, changed, a.Now);
        }
        foreach (var a in Actors.Where(a => a.Era == Era.Both && (a.Past ?? a.Now) != a.Now))
        {
            actors[a.Key].RoleNow = a.Now;
            actors[a.Key].UpdatedAt = changed;
        }
        foreach (var (from, to, past, current, kinds) in links)
        {
            if (current is null)
            {
                rows[(from, to)].DeletedAt = changed;
                rows[(from, to)].DeletedByUserId = userId;
            }
            else if (past is null)
            {
                NewLink(db, ids[from], ids[to], current.Value, kinds, networkId, userId, changed);
            }
            else if (past != current)
            {
                rows[(from, to)].Strength = current.Value;
                rows[(from, to)].Marks = MarksFor(current.Value, kinds, from.Length + to.Length);
                rows[(from, to)].UpdatedAt = changed;
            }
        }
        await db.SaveChangesAsync(ct);
        await MapVersionService.AddAsync(db, networkId, userId, $"{CurrentVersionName} {now.Year}", MapVersionReason.Evaluation, now, ct);

        AddView(db, networkId, userId, now, "Koko verkosto", 0, new MapViewSettings { Layout = MapLayout.Force, ColourBy = MapStyleBy.Sector, ShapeBy = MapStyleBy.Kind });
        AddView(db, networkId, userId, now, "Sektorit ja tasot", 1,
            new MapViewSettings { Layout = MapLayout.SectorLevelGrid, ColourBy = MapStyleBy.Role, ShapeBy = MapStyleBy.Kind });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static (string From, string To, LinkStrength? Past, LinkStrength? Now, string Kinds) Parse(string line)
    {
        var parts = line.Split(' ');
        static LinkStrength? Strength(string s) => s switch { "S" => LinkStrength.Strong, "W" => LinkStrength.Weak, _ => null };
        return (parts[0], parts[1], Strength(parts[2]), Strength(parts[3]), parts[4]);
    }

    private static Actor NewActor(VerkostamoDbContext db, DemoActor a, Guid id, Guid networkId, string userId, DateTimeOffset at, ParticipationRole? role)
    {
        var actor = new Actor
        {
            Id = id, NetworkId = networkId, Name = a.Name, Kind = a.Kind, Sector = a.Sector, Levels = a.Levels, RoleNow = role, RoleWanted = a.Wanted,
            Organisation = a.Organisation, ContactPerson = a.Contact, Email = a.Email, Phone = a.Phone, Website = a.Website,
            Tags = [.. a.Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], Notes = a.Notes,
            Version = Guid.NewGuid(), CreatedAt = at, CreatedByUserId = userId, UpdatedAt = at, UpdatedByUserId = userId,
        };
        db.Actors.Add(actor);
        db.Audit(at, networkId, userId, nameof(Actor), id, "Created", after: new { actor.Name }, scope: ActorService.Scope);
        return actor;
    }

    private static Link NewLink(VerkostamoDbContext db, Guid from, Guid to, LinkStrength strength, string kinds, Guid networkId, string userId, DateTimeOffset at)
    {
        var link = new Link
        {
            Id = Guid.NewGuid(), NetworkId = networkId, SourceActorId = from, TargetActorId = to, Strength = strength,
            Marks = MarksFor(strength, kinds, (int)(from.GetHashCode() & 0xff)),
            Kinds = [.. kinds.Select(k => Kinds[k])], Levels = kinds.Aggregate(Level.None, (l, k) => l | KindLevels[k]),
            Version = Guid.NewGuid(), CreatedAt = at, CreatedByUserId = userId, UpdatedAt = at, UpdatedByUserId = userId,
        };
        db.Links.Add(link);
        db.Audit(at, networkId, userId, nameof(Link), link.Id, "Created", scope: ActorService.Scope);
        return link;
    }

    /// <summary>Section 4's marks as the workshop would tick them: a strong link has most strong marks, funding brings a contract.</summary>
    private static LinkMark MarksFor(LinkStrength strength, string kinds, int salt)
    {
        if (strength == LinkStrength.Strong)
        {
            var marks = LinkMark.AgreedRoles | LinkMark.EstablishedCommunication | LinkMark.ContactAsAgreed;
            marks |= salt % 2 == 0 ? LinkMark.SharedForum : LinkMark.ImpactMeasurement;
            marks |= kinds.Contains('r', StringComparison.Ordinal) ? LinkMark.Contracts : LinkMark.None;
            marks |= kinds.Contains('a', StringComparison.Ordinal) ? LinkMark.SharedInformationSystems : LinkMark.None;
            return marks;
        }
        return LinkMark.AdHocContact | (salt % 3 == 0 ? LinkMark.OpenMeetings : LinkMark.ContactWhenRemembered) | (salt % 2 == 0 ? LinkMark.FlexibleRoles : LinkMark.None);
    }

    private static void AddView(VerkostamoDbContext db, Guid networkId, string userId, DateTimeOffset at, string name, int order, MapViewSettings settings)
    {
        var id = Guid.NewGuid();
        db.MapViews.Add(new MapView
        {
            Id = id, NetworkId = networkId, Name = name, Order = order, SettingsJson = settings.ToJson(), PositionsJson = "{}",
            Version = Guid.NewGuid(), CreatedAt = at, CreatedByUserId = userId, UpdatedAt = at, UpdatedByUserId = userId,
        });
        db.Audit(at, networkId, userId, nameof(MapView), id, "Created", after: new { Name = name }, scope: ActorService.Scope);
    }
}
