using System.Text;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Features.Map.Editor;

/// <summary>The side panel's actor form: the fields that matter on the map; the rest are kept as they are.</summary>
public sealed class ActorFormModel
{
    public string? Name { get; set; }
    public ActorKind Kind { get; set; } = ActorKind.Organisation;
    public Sector Sector { get; set; } = Sector.Public;
    public ParticipationRole? Role { get; set; }
    public Level Levels { get; set; }
    public string? Tags { get; set; }

    public void Toggle(Level level, bool on) => Levels = on ? Levels | level : Levels & ~level;

    public static ActorFormModel From(ActorView a) => new()
    {
        Name = a.Name, Kind = a.Kind, Sector = a.Sector, Role = a.RoleNow, Levels = a.Levels, Tags = string.Join(", ", a.Tags),
    };

    public ActorInput ToInput(ActorView? existing) => new(Name)
    {
        Kind = Kind,
        Sector = Sector,
        RoleNow = Role,
        Levels = Levels,
        Tags = ActorService.ParseTags(Tags),
        RoleWanted = existing?.RoleWanted,
        Organisation = existing?.Organisation,
        ContactPerson = existing?.ContactPerson,
        Email = existing?.Email,
        Phone = existing?.Phone,
        Website = existing?.Website,
        Notes = existing?.Notes,
    };
}

/// <summary>The side panel's link form: two actors, strength and direction.</summary>
public sealed class LinkFormModel
{
    public string? Source { get; set; }
    public string? Target { get; set; }
    public LinkStrength Strength { get; set; } = LinkStrength.Weak;
    public bool Directed { get; set; }

    public static LinkFormModel From(LinkView l) => new()
    {
        Source = l.SourceActorId.ToString(), Target = l.TargetActorId.ToString(), Strength = l.Strength, Directed = l.Directed,
    };
}

public static class MapFileName
{
    /// <summary>A file name part from a view's name: letters and digits, the rest as dashes.</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : '-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "kartta" : slug[..Math.Min(slug.Length, 60)];
    }
}
