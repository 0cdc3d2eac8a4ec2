using Microsoft.AspNetCore.Http;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Features.Map;

/// <summary>Reads the map's enums from posted form values: names only, never numbers, and only defined values.</summary>
public static class MapFormValues
{
    public static bool TryEnum<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, false, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    /// <summary>The checked flags of a checkbox group (one posted value per checked box); null when a value is not one of <paramref name="allowed"/>.</summary>
    public static T? Flags<T>(IEnumerable<string?> posted, IReadOnlyList<T> allowed) where T : struct, Enum
    {
        var bits = 0L;
        foreach (var text in posted)
        {
            if (!TryEnum<T>(text, out var value) || !allowed.Contains(value))
            {
                return null;
            }
            bits |= Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return (T)Enum.ToObject(typeof(T), bits);
    }

    /// <summary>The values of a checkbox group in the posted form (empty outside a post).</summary>
    public static IEnumerable<string?> Posted(HttpContext http, string name) =>
        http.Request.HasFormContentType ? http.Request.Form[name] : [];
}

/// <summary>An actor as posted by its form; levels come as a checkbox group outside the model (see <see cref="ActorFields.LevelsName"/>).</summary>
public sealed class ActorForm
{
    public Guid Version { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Sector { get; set; }
    public string? RoleNow { get; set; }
    public string? RoleWanted { get; set; }
    public string? Organisation { get; set; }
    public string? ContactPerson { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Tags { get; set; }
    public string? Notes { get; set; }

    /// <summary>Not posted under this model's prefix: filled from the checkbox group so a refused post shows what was ticked.</summary>
    public Level Levels { get; set; }

    public static ActorForm From(ActorView a) => new()
    {
        Version = a.Version, Name = a.Name, Kind = a.Kind.ToString(), Sector = a.Sector.ToString(), RoleNow = a.RoleNow?.ToString(),
        RoleWanted = a.RoleWanted?.ToString(), Organisation = a.Organisation, ContactPerson = a.ContactPerson, Email = a.Email, Phone = a.Phone,
        Website = a.Website, Tags = string.Join(", ", a.Tags), Notes = a.Notes, Levels = a.Levels,
    };

    /// <summary>The input, or the error code with the id of the field it concerns.</summary>
    public (ActorInput? Input, string? Error, string? Field) ToInput(IEnumerable<string?> levels)
    {
        if (!MapFormValues.TryEnum<ActorKind>(Kind, out var kind))
        {
            return (null, ErrorCodes.ValueInvalid, "ActorKind");
        }
        if (!MapFormValues.TryEnum<Sector>(Sector, out var sector))
        {
            return (null, ErrorCodes.ValueInvalid, "ActorSector");
        }
        if (MapFormValues.Flags(levels, MapVocabulary.Levels) is not { } flags)
        {
            return (null, ErrorCodes.ValueInvalid, "ActorLevels");
        }
        Levels = flags;
        ParticipationRole? now = null, wanted = null;
        if (!string.IsNullOrEmpty(RoleNow))
        {
            if (!MapFormValues.TryEnum<ParticipationRole>(RoleNow, out var role))
            {
                return (null, ErrorCodes.ValueInvalid, "ActorRoleNow");
            }
            now = role;
        }
        if (!string.IsNullOrEmpty(RoleWanted))
        {
            if (!MapFormValues.TryEnum<ParticipationRole>(RoleWanted, out var role))
            {
                return (null, ErrorCodes.ValueInvalid, "ActorRoleWanted");
            }
            wanted = role;
        }
        var input = new ActorInput(Name)
        {
            Kind = kind, Sector = sector, Levels = flags, RoleNow = now, RoleWanted = wanted, Organisation = Organisation, ContactPerson = ContactPerson,
            Email = Email, Phone = Phone, Website = Website, Tags = ActorService.ParseTags(Tags), Notes = Notes,
        };
        var clean = ActorService.Validate(input);
        return clean.Succeeded ? (input, null, null) : (null, clean.ErrorCode, FieldOf(clean.ErrorCode!));
    }

    private string FieldOf(string error) => error switch
    {
        ErrorCodes.NameRequired or ErrorCodes.NameTooLong => "ActorName",
        ErrorCodes.EmailInvalid => "ActorEmail",
        ErrorCodes.TagInvalid => "ActorTags",
        ErrorCodes.TextTooLong when (Notes?.Trim().Length ?? 0) > TextLimits.Answer => "ActorNotes",
        ErrorCodes.TextTooLong when (Phone?.Trim().Length ?? 0) > 40 => "ActorPhone",
        ErrorCodes.TextTooLong when (Website?.Trim().Length ?? 0) > TextLimits.ShortText => "ActorWebsite",
        ErrorCodes.TextTooLong when (ContactPerson?.Trim().Length ?? 0) > TextLimits.Name => "ActorContactPerson",
        ErrorCodes.TextTooLong => "ActorOrganisation",
        _ => "ActorName",
    };
}

/// <summary>A link as posted by its form; marks and levels come as checkbox groups outside the model.</summary>
public sealed class LinkForm
{
    public Guid Version { get; set; }
    public string? Source { get; set; }
    public string? Target { get; set; }
    public string? Strength { get; set; }
    public string? Kinds { get; set; }
    public string? Direction { get; set; }
    public string? Notes { get; set; }
    public LinkMark Marks { get; set; }
    public Level Levels { get; set; }

    public const string Directed = "directed";

    public static LinkForm From(LinkView l) => new()
    {
        Version = l.Version, Source = l.SourceActorId.ToString(), Target = l.TargetActorId.ToString(), Strength = l.Strength.ToString(),
        Kinds = string.Join(", ", l.Kinds), Direction = l.Directed ? Directed : "", Notes = l.Notes, Marks = l.Marks, Levels = l.Levels,
    };

    public (LinkInput? Input, string? Error, string? Field) ToInput(IEnumerable<string?> marks, IEnumerable<string?> levels)
    {
        if (!Guid.TryParse(Source, out var source))
        {
            return (null, ErrorCodes.ActorInvalid, "LinkSource");
        }
        if (!Guid.TryParse(Target, out var target))
        {
            return (null, ErrorCodes.ActorInvalid, "LinkTarget");
        }
        if (!MapFormValues.TryEnum<LinkStrength>(Strength, out var strength))
        {
            return (null, ErrorCodes.ValueInvalid, "LinkStrength");
        }
        if (MapFormValues.Flags(marks, MapVocabulary.Marks) is not { } markFlags)
        {
            return (null, ErrorCodes.ValueInvalid, "LinkMarks");
        }
        Marks = markFlags;
        if (MapFormValues.Flags(levels, MapVocabulary.Levels) is not { } levelFlags)
        {
            return (null, ErrorCodes.ValueInvalid, "LinkLevels");
        }
        Levels = levelFlags;
        var input = new LinkInput(source, target)
        {
            Strength = strength, Marks = markFlags, Levels = levelFlags, Kinds = ActorService.ParseTags(Kinds), Directed = Direction == Directed, Notes = Notes,
        };
        var clean = LinkService.Validate(input);
        return clean.Succeeded ? (input, null, null) : (null, clean.ErrorCode, FieldOf(clean.ErrorCode!));
    }

    public static string FieldOf(string error) => error switch
    {
        ErrorCodes.TagInvalid => "LinkKinds",
        ErrorCodes.TextTooLong => "LinkNotes",
        ErrorCodes.ValueInvalid => "LinkStrength",
        _ => "LinkTarget",
    };
}
