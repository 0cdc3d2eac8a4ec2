using System.Globalization;
using System.Text;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Map.Formats;

/// <summary>
/// The attribute names every format uses (CSV columns, sheet headers, GraphML keys, GEXF attributes) and how values are
/// written and read. Values are the English enum names; lists are separated by semicolons. Reading is lenient: names are
/// matched case-insensitively with a few Finnish and common aliases (label, type), and Finnish values are understood.
/// </summary>
public static class MapFileFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string Sector = "sector";
    public const string Levels = "levels";
    public const string RoleNow = "role_now";
    public const string RoleWanted = "role_wanted";
    public const string Organisation = "organisation";
    public const string ContactPerson = "contact_person";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Website = "website";
    public const string Tags = "tags";
    public const string Notes = "notes";
    public const string Source = "source";
    public const string Target = "target";
    public const string Strength = "strength";
    public const string Marks = "marks";
    public const string Kinds = "kinds";
    public const string Directed = "directed";

    public static readonly IReadOnlyList<string> ActorColumns =
        [Id, Name, Kind, Sector, Levels, RoleNow, RoleWanted, Organisation, ContactPerson, Email, Phone, Website, Tags, Notes];

    public static readonly IReadOnlyList<string> LinkColumns = [Id, Source, Target, Strength, Marks, Kinds, Levels, Directed, Notes];

    /// <summary>The longest id a file may use for an actor or a link.</summary>
    public const int MaxIdLength = 200;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["label"] = Name, ["nimi"] = Name, ["title"] = Name,
        ["type"] = Kind, ["laji"] = Kind, ["tyyppi"] = Kind,
        ["sektori"] = Sector,
        ["tasot"] = Levels, ["taso"] = Levels, ["level"] = Levels,
        ["role"] = RoleNow, ["rooli"] = RoleNow, ["rolenow"] = RoleNow, ["rolewanted"] = RoleWanted,
        ["organization"] = Organisation, ["organisaatio"] = Organisation,
        ["contact"] = ContactPerson, ["contactperson"] = ContactPerson, ["yhteyshenkilo"] = ContactPerson,
        ["sahkoposti"] = Email, ["e_mail"] = Email, ["puhelin"] = Phone, ["url"] = Website, ["verkkosivu"] = Website,
        ["tag"] = Tags, ["tunnisteet"] = Tags, ["muistiinpanot"] = Notes, ["description"] = Notes, ["kuvaus"] = Notes,
        ["from"] = Source, ["lahde"] = Source, ["to"] = Target, ["kohde"] = Target,
        ["vahvuus"] = Strength, ["tunnusmerkit"] = Marks, ["kind_of_link"] = Kinds, ["sisallot"] = Kinds, ["suunnattu"] = Directed,
    };

    /// <summary>A file's attribute name as one of ours (lower case, spaces and dashes as underscores, aliases resolved).</summary>
    public static string Canonical(string name)
    {
        var n = Fold(name.Trim()).ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return Aliases.TryGetValue(n, out var alias) ? alias : n;
    }

    /// <summary>Finnish letters folded to ASCII so that "sähköposti" and "sahkoposti" are one name.</summary>
    private static string Fold(string s) => s.Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a').Replace('Ä', 'A').Replace('Ö', 'O').Replace('Å', 'A');

    public static IReadOnlyList<string> ActorValues(MapDocumentActor a) =>
    [
        a.Key, a.Name, a.Kind.ToString(), a.Sector.ToString(), List(MapVocabulary.Split(a.Levels)), a.RoleNow?.ToString() ?? "",
        a.RoleWanted?.ToString() ?? "", a.Organisation ?? "", a.ContactPerson ?? "", a.Email ?? "", a.Phone ?? "", a.Website ?? "",
        string.Join(';', a.Tags), a.Notes,
    ];

    public static IReadOnlyList<string> LinkValues(MapDocumentLink l) =>
    [
        l.Key ?? "", l.SourceKey, l.TargetKey, l.Strength.ToString(), List(MapVocabulary.Split(l.Marks)), string.Join(';', l.Kinds),
        List(MapVocabulary.Split(l.Levels)), l.Directed ? "true" : "false", l.Notes,
    ];

    private static string List<T>(IEnumerable<T> values) where T : struct, Enum => string.Join(';', values);

    /// <summary>
    /// A cell as a spreadsheet program may see it: text starting with = + - @ (or a tab or carriage return) gets a leading
    /// apostrophe so that it is never run as a formula. <see cref="Unescape"/> takes it off again on import.
    /// </summary>
    public static string EscapeFormula(string value) =>
        value.Length > 0 && IsFormulaStart(value[0]) ? "'" + value : value;

    public static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && IsFormulaStart(value[1]) ? value[1..] : value;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    internal static string Normalise(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in Fold(value).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    internal static IEnumerable<string> SplitList(string value) =>
        value.Split([';', '|', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, T> Names<T>(params (string Alias, T Value)[] aliases) where T : struct, Enum
    {
        var map = Enum.GetValues<T>().ToDictionary(v => Normalise(v.ToString()), v => v);
        foreach (var (alias, value) in aliases)
        {
            map[Normalise(alias)] = value;
        }
        return map;
    }

    private static readonly Dictionary<string, ActorKind> KindNames = Names(
        ("organisaatio", ActorKind.Organisation), ("organization", ActorKind.Organisation), ("yksikko", ActorKind.Unit),
        ("henkilo", ActorKind.Person), ("ryhma", ActorKind.Group));

    private static readonly Dictionary<string, Sector> SectorNames = Names(
        ("julkinen", Core.Map.Sector.Public), ("yksityinen", Core.Map.Sector.Private), ("3. sektori", Core.Map.Sector.ThirdSector),
        ("kolmas sektori", Core.Map.Sector.ThirdSector), ("third", Core.Map.Sector.ThirdSector), ("3rd sector", Core.Map.Sector.ThirdSector),
        ("muu", Core.Map.Sector.Other));

    private static readonly Dictionary<string, ParticipationRole> RoleNames = Names(
        ("veturi", ParticipationRole.Locomotive), ("vahva osallistuja", ParticipationRole.StrongParticipant),
        ("satunnainen osallistuja", ParticipationRole.OccasionalParticipant), ("tiedonsaaja ja -välittäjä", ParticipationRole.InformationRelay),
        ("tiedonsaaja", ParticipationRole.InformationRelay));

    private static readonly Dictionary<string, LinkStrength> StrengthNames = Names(("vahva", LinkStrength.Strong), ("heikko", LinkStrength.Weak));

    private static readonly Dictionary<string, Level> LevelNames = Names<Level>();

    private static readonly Dictionary<string, LinkMark> MarkNames = Names<LinkMark>();

    internal static bool TryKind(string value, out ActorKind kind) => KindNames.TryGetValue(Normalise(value), out kind);

    internal static bool TrySector(string value, out Sector sector) => SectorNames.TryGetValue(Normalise(value), out sector);

    internal static bool TryRole(string value, out ParticipationRole role) => RoleNames.TryGetValue(Normalise(value), out role);

    internal static bool TryStrength(string value, out LinkStrength strength) => StrengthNames.TryGetValue(Normalise(value), out strength);

    internal static bool TryBool(string value, out bool result)
    {
        switch (Normalise(value))
        {
            case "true" or "1" or "yes" or "kylla" or "directed" or "x":
                result = true;
                return true;
            case "false" or "0" or "no" or "ei" or "undirected" or "":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    /// <summary>Flags from a list of names (or one number); the names not understood are returned for a warning.</summary>
    internal static T Flags<T>(string value, out List<string> unknown) where T : struct, Enum
    {
        var names = typeof(T) == typeof(Level) ? (Dictionary<string, T>)(object)LevelNames : (Dictionary<string, T>)(object)MarkNames;
        unknown = [];
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var all = Enum.GetValues<T>().Aggregate(0, (acc, v) => acc | Convert.ToInt32(v, CultureInfo.InvariantCulture));
            if ((number & ~all) == 0)
            {
                return (T)(object)number;
            }
        }
        var result = 0;
        foreach (var part in SplitList(value))
        {
            if (names.TryGetValue(Normalise(part), out var flag))
            {
                result |= Convert.ToInt32(flag, CultureInfo.InvariantCulture);
            }
            else
            {
                unknown.Add(part);
            }
        }
        return (T)(object)result;
    }

    /// <summary>Text limits of the actor and link fields, as the forms and services enforce them.</summary>
    internal static int MaxLength(string field) => field switch
    {
        Id or Source or Target => MaxIdLength,
        Name or Organisation => TextLimits.Title,
        ContactPerson => TextLimits.Name,
        Email => TextLimits.Email,
        Phone => 40,
        Website => TextLimits.ShortText,
        Notes => TextLimits.Answer,
        Tags or Kinds => (ActorService.MaxTags * (ActorService.MaxTagLength + 1)) + 1,
        _ => TextLimits.ShortText,
    };
}
