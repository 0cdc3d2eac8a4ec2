using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Map.Formats;

/// <summary>
/// Turns the rows every reader extracts (attribute name → text) into a checked <see cref="MapDocument"/>: values parsed
/// and defaulted with warnings, lengths and counts capped, ids unique, links pointing at actors of the file. Errors name
/// the row or element; one builder serves all four formats so that they agree on every rule.
/// </summary>
internal sealed class MapDocumentBuilder(MapImportLimits limits)
{
    private sealed record PendingLink(MapFileLocation At, string? Id, string Source, string Target, Dictionary<string, string> Fields, HashSet<string> Present);

    private readonly List<MapDocumentActor> actors = [];
    private readonly Dictionary<string, MapFileLocation> actorKeys = new(StringComparer.Ordinal);
    private readonly List<PendingLink> links = [];
    private readonly List<MapFileMessage> errors = [];
    private readonly List<MapFileMessage> warnings = [];
    private readonly Dictionary<(string Code, string Detail), int> counted = [];
    private readonly Dictionary<(string Code, string Detail), MapFileLocation?> firstAt = [];
    private readonly HashSet<string> ignored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<string>> actorFields = new(StringComparer.Ordinal);
    private HashSet<string> present = [];

    /// <summary>True once enough errors are known: readers stop early.</summary>
    public bool Full => errors.Count >= limits.MaxErrors;

    public void Error(string code, MapFileLocation? at, string? detail = null)
    {
        if (!Full)
        {
            errors.Add(new MapFileMessage(code, at, detail));
        }
    }

    /// <summary>A warning that may repeat on every row is reported once, with its first place and a count.</summary>
    public void Warn(string code, MapFileLocation? at, string detail)
    {
        var key = (code, detail);
        counted[key] = counted.GetValueOrDefault(key) + 1;
        firstAt.TryAdd(key, at);
    }

    /// <summary>Unknown attributes are left out of the map, said once per name.</summary>
    public void Ignore(string attribute)
    {
        if (ignored.Add(attribute))
        {
            warnings.Add(new MapFileMessage(MapFileCodes.AttributeIgnored, null, attribute));
        }
    }

    private static readonly HashSet<string> ActorFields = [.. MapFileFields.ActorColumns];
    private static readonly HashSet<string> LinkFields = [.. MapFileFields.LinkColumns];

    /// <summary>Canonical fields with unescaped, trimmed, non-empty values; unknown names are reported once.</summary>
    private Dictionary<string, string> Clean(IEnumerable<KeyValuePair<string, string?>> raw, HashSet<string> known)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in raw)
        {
            var key = MapFileFields.Canonical(name);
            if (known.Contains(key))
            {
                present.Add(key);
            }
            if (!known.Contains(key))
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    Ignore(name.Trim());
                }
                continue;
            }
            var text = MapFileFields.Unescape(value?.Trim() ?? "").Trim();
            if (text.Length > 0)
            {
                fields.TryAdd(key, text);
            }
        }
        return fields;
    }

    private bool TooLong(Dictionary<string, string> fields, MapFileLocation at)
    {
        var tooLong = fields.Where(f => f.Value.Length > MapFileFields.MaxLength(f.Key)).Select(f => f.Key).ToList();
        foreach (var field in tooLong)
        {
            Error(MapFileCodes.ValueTooLong, at, field);
        }
        return tooLong.Count > 0;
    }

    public void AddActor(MapFileLocation at, IEnumerable<KeyValuePair<string, string?>> raw)
    {
        if (actors.Count >= limits.MaxActors)
        {
            if (actors.Count == limits.MaxActors && !errors.Any(e => e.Code == MapFileCodes.TooManyActors))
            {
                Error(MapFileCodes.TooManyActors, at, limits.MaxActors.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return;
        }
        var f = Clean(raw, ActorFields);
        at = at with { Element = at.Element ?? f.GetValueOrDefault(MapFileFields.Id) };
        if (TooLong(f, at))
        {
            return;
        }
        var name = f.GetValueOrDefault(MapFileFields.Name);
        var id = f.GetValueOrDefault(MapFileFields.Id);
        if (name is null && id is null)
        {
            Error(MapFileCodes.NameMissing, at);
            return;
        }
        if (name is null)
        {
            Warn(MapFileCodes.NameFromId, at, MapFileFields.Name);
            name = id!;
        }
        var key = id ?? name;
        if (!actorKeys.TryAdd(key, at))
        {
            Error(MapFileCodes.DuplicateId, at, key);
            return;
        }
        actorFields[key] = present;

        var kind = Enum<ActorKind>(f, MapFileFields.Kind, MapFileFields.TryKind, ActorKind.Organisation, at, warnMissing: true);
        var sector = Enum<Sector>(f, MapFileFields.Sector, MapFileFields.TrySector, Sector.Other, at, warnMissing: true);
        ParticipationRole? Role(string field)
        {
            if (!f.TryGetValue(field, out var text))
            {
                return null;
            }
            if (MapFileFields.TryRole(text, out var role))
            {
                return role;
            }
            Warn(MapFileCodes.ValueUnknown, at, $"{field}={text}");
            return null;
        }
        var tags = ActorService.CleanTags(MapFileFields.SplitList(f.GetValueOrDefault(MapFileFields.Tags, "")));
        if (tags is null)
        {
            Error(MapFileCodes.TooManyTags, at, MapFileFields.Tags);
            return;
        }
        var email = f.GetValueOrDefault(MapFileFields.Email);
        if (email is not null && !EmailAddresses.IsValid(email))
        {
            Warn(MapFileCodes.EmailDropped, at, email);
            email = null;
        }
        actors.Add(new MapDocumentActor(key, name)
        {
            Kind = kind,
            Sector = sector,
            Levels = Flags<Level>(f, MapFileFields.Levels, at),
            RoleNow = Role(MapFileFields.RoleNow),
            RoleWanted = Role(MapFileFields.RoleWanted),
            Organisation = f.GetValueOrDefault(MapFileFields.Organisation),
            ContactPerson = f.GetValueOrDefault(MapFileFields.ContactPerson),
            Email = email,
            Phone = f.GetValueOrDefault(MapFileFields.Phone),
            Website = f.GetValueOrDefault(MapFileFields.Website),
            Tags = tags,
            Notes = (f.GetValueOrDefault(MapFileFields.Notes) ?? "").ReplaceLineEndings("\n"),
        });
    }

    private delegate bool TryParse<T>(string value, out T result);

    private T Enum<T>(Dictionary<string, string> f, string field, TryParse<T> parse, T fallback, MapFileLocation at, bool warnMissing)
    {
        if (!f.TryGetValue(field, out var text))
        {
            if (warnMissing)
            {
                Warn(MapFileCodes.ValueMissing, at, field);
            }
            return fallback;
        }
        if (parse(text, out var value))
        {
            return value;
        }
        Warn(MapFileCodes.ValueUnknown, at, $"{field}={text}");
        return fallback;
    }

    private T Flags<T>(Dictionary<string, string> f, string field, MapFileLocation at) where T : struct, System.Enum
    {
        if (!f.TryGetValue(field, out var text))
        {
            return default;
        }
        var flags = MapFileFields.Flags<T>(text, out var unknown);
        foreach (var u in unknown)
        {
            Warn(MapFileCodes.ValueUnknown, at, $"{field}={u}");
        }
        return flags;
    }

    /// <summary>A link between two actors named by their ids (or, when the file has none, by their names).</summary>
    public void AddLink(MapFileLocation at, IEnumerable<KeyValuePair<string, string?>> raw)
    {
        if (links.Count >= limits.MaxLinks)
        {
            if (links.Count == limits.MaxLinks && !errors.Any(e => e.Code == MapFileCodes.TooManyLinks))
            {
                Error(MapFileCodes.TooManyLinks, at, limits.MaxLinks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return;
        }
        var f = Clean(raw, LinkFields);
        at = at with { Element = at.Element ?? f.GetValueOrDefault(MapFileFields.Id) };
        if (TooLong(f, at))
        {
            return;
        }
        var source = f.GetValueOrDefault(MapFileFields.Source);
        var target = f.GetValueOrDefault(MapFileFields.Target);
        if (source is null || target is null)
        {
            Error(MapFileCodes.EndMissing, at, source is null ? MapFileFields.Source : MapFileFields.Target);
            return;
        }
        links.Add(new PendingLink(at, f.GetValueOrDefault(MapFileFields.Id), source, target, f, present));
    }

    public MapFileContent Build(MapFileFormat format)
    {
        var byName = actors.GroupBy(a => MapComparer.NameKey(a.Name)).ToDictionary(g => g.Key, g => g.First().Key);
        var implied = actors.Count == 0;
        string? Resolve(string reference, MapFileLocation at)
        {
            if (actorKeys.ContainsKey(reference))
            {
                return reference;
            }
            if (byName.TryGetValue(MapComparer.NameKey(reference), out var key))
            {
                return key;
            }
            if (implied && actors.Count >= limits.MaxActors)
            {
                if (!errors.Any(e => e.Code == MapFileCodes.TooManyActors))
                {
                    Error(MapFileCodes.TooManyActors, at, limits.MaxActors.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                return null;
            }
            if (implied)
            {
                // A links-only file names its actors in the link rows.
                actors.Add(new MapDocumentActor(reference, reference));
                actorKeys[reference] = at;
                actorFields[reference] = new HashSet<string> { MapFileFields.Name };
                byName[MapComparer.NameKey(reference)] = reference;
                Warn(MapFileCodes.ActorImplied, at, MapFileFields.Name);
                return reference;
            }
            Error(MapFileCodes.MissingActor, at, reference);
            return null;
        }

        var result = new List<MapDocumentLink>();
        var linkFields = new List<IReadOnlySet<string>>();
        var pairs = new HashSet<(string, string)>();
        var linkIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            var source = Resolve(link.Source, link.At);
            var target = Resolve(link.Target, link.At);
            if (source is null || target is null)
            {
                continue;
            }
            if (source == target)
            {
                Error(MapFileCodes.SelfLink, link.At, link.Source);
                continue;
            }
            if (link.Id is { } id && !linkIds.Add(id))
            {
                Error(MapFileCodes.DuplicateId, link.At, id);
                continue;
            }
            if (!pairs.Add(string.CompareOrdinal(source, target) <= 0 ? (source, target) : (target, source)))
            {
                // Multigraphs (networkx MultiGraph, Gephi parallel edges) join two actors more than once; the map keeps one link.
                Warn(MapFileCodes.DuplicateLink, link.At, MapFileFields.Source);
                continue;
            }
            var f = link.Fields;
            var kinds = ActorService.CleanTags(MapFileFields.SplitList(f.GetValueOrDefault(MapFileFields.Kinds, "")));
            if (kinds is null)
            {
                Error(MapFileCodes.TooManyTags, link.At, MapFileFields.Kinds);
                continue;
            }
            var directed = f.TryGetValue(MapFileFields.Directed, out var d) && MapFileFields.TryBool(d, out var isDirected) && isDirected;
            if (f.TryGetValue(MapFileFields.Directed, out var dd) && !MapFileFields.TryBool(dd, out _))
            {
                Warn(MapFileCodes.ValueUnknown, link.At, $"{MapFileFields.Directed}={dd}");
            }
            linkFields.Add(link.Present);
            result.Add(new MapDocumentLink(source, target)
            {
                Key = link.Id,
                Strength = Enum<LinkStrength>(f, MapFileFields.Strength, MapFileFields.TryStrength, LinkStrength.Weak, link.At, warnMissing: true),
                Marks = Flags<LinkMark>(f, MapFileFields.Marks, link.At),
                Kinds = kinds,
                Levels = Flags<Level>(f, MapFileFields.Levels, link.At),
                Directed = directed,
                Notes = (f.GetValueOrDefault(MapFileFields.Notes) ?? "").ReplaceLineEndings("\n"),
            });
        }

        var all = warnings.Concat(counted.Select(c => new MapFileMessage(c.Key.Code, firstAt[c.Key], c.Key.Detail, c.Value))).ToList();
        if (Full)
        {
            errors.Add(new MapFileMessage(MapFileCodes.TooManyErrors, null, limits.MaxErrors.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return errors.Count > 0
            ? new MapFileContent(format, MapDocument.Empty, all, [.. errors])
            : new MapFileContent(format, new MapDocument([.. actors], [.. result]), all, []) { ActorFields = actorFields, LinkFields = linkFields };
    }
}
