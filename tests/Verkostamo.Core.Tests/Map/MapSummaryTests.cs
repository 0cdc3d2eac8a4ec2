using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Tests.Map;

public class MapSummaryTests
{
    private static MapDocumentActor Actor(string key, Sector sector = Sector.Public, ActorKind kind = ActorKind.Organisation, ParticipationRole? role = null) =>
        new(key, "Toimija " + key) { Sector = sector, Kind = kind, RoleNow = role };

    private static MapDocumentLink Link(string a, string b, LinkStrength strength = LinkStrength.Weak) => new(a, b) { Strength = strength };

    [Fact]
    public void An_empty_map_has_no_parts_and_zero_in_every_count()
    {
        var summary = MapSummary.Of(MapDocument.Empty);

        Assert.Equal((0, 0, 0, 0, 0, 0), (summary.Actors, summary.Links, summary.StrongLinks, summary.CrossSectorLinks, summary.Components, summary.LargestComponent));
        Assert.All(summary.BySector, s => Assert.Equal(0, s.Count));
        Assert.Equal(Enum.GetValues<Sector>().Length, summary.BySector.Count);
        Assert.Empty(summary.Isolated);
        Assert.Empty(summary.MostConnected);
    }

    [Fact]
    public void Counts_actors_by_sector_kind_and_role_now()
    {
        var map = new MapDocument(
        [
            Actor("a", Sector.Public, ActorKind.Organisation, ParticipationRole.Locomotive),
            Actor("b", Sector.Public, ActorKind.Unit, ParticipationRole.StrongParticipant),
            Actor("c", Sector.ThirdSector, ActorKind.Person, ParticipationRole.StrongParticipant),
            Actor("d", Sector.Private, ActorKind.Organisation),
        ], []);

        var summary = MapSummary.Of(map);

        Assert.Equal([(Sector.Public, 2), (Sector.Private, 1), (Sector.ThirdSector, 1), (Sector.Other, 0)], summary.BySector);
        Assert.Equal([(ActorKind.Organisation, 2), (ActorKind.Unit, 1), (ActorKind.Person, 1), (ActorKind.Group, 0)], summary.ByKind);
        Assert.Equal(2, summary.ByRole.Single(r => r.Role == ParticipationRole.StrongParticipant).Count);
        Assert.Equal(1, summary.ByRole.Single(r => r.Role == ParticipationRole.Locomotive).Count);
        Assert.Equal(0, summary.ByRole.Single(r => r.Role == ParticipationRole.InformationRelay).Count);
        Assert.Equal(1, summary.WithoutRole);
    }

    [Fact]
    public void Finds_strong_and_weak_links_sector_crossings_parts_isolated_and_most_connected_actors()
    {
        // Two parts: a-b-c (a hub) and d-e; f alone.
        var map = new MapDocument(
            [Actor("a"), Actor("b"), Actor("c", Sector.Private), Actor("d", Sector.ThirdSector), Actor("e", Sector.ThirdSector), Actor("f", Sector.Other)],
            [Link("a", "b", LinkStrength.Strong), Link("a", "c"), Link("b", "c", LinkStrength.Strong), Link("d", "e"), Link("a", "d", LinkStrength.Strong)]);

        var summary = MapSummary.Of(map, top: 2);

        Assert.Equal((6, 5, 3, 2), (summary.Actors, summary.Links, summary.StrongLinks, summary.WeakLinks));
        Assert.Equal(3, summary.CrossSectorLinks); // a-c, b-c, a-d
        Assert.Equal(2, summary.Components); // a..e joined through a-d, and f alone
        Assert.Equal(5, summary.LargestComponent);
        Assert.Equal(["f"], summary.Isolated.Select(a => a.Key));
        Assert.Equal([("a", 3, 2), ("b", 2, 2)], summary.MostConnected.Select(a => (a.Key, a.Links, a.StrongLinks)));
    }

    [Fact]
    public void Separate_parts_are_counted_and_every_isolated_actor_is_a_part_of_its_own()
    {
        var map = new MapDocument([Actor("a"), Actor("b"), Actor("c"), Actor("d"), Actor("e")], [Link("a", "b"), Link("c", "d")]);

        var summary = MapSummary.Of(map);

        Assert.Equal(3, summary.Components);
        Assert.Equal(2, summary.LargestComponent);
        Assert.Equal(["e"], summary.Isolated.Select(a => a.Key));
    }

    [Fact]
    public void Links_to_unknown_actors_and_self_links_are_left_out_as_the_map_leaves_them_out()
    {
        var map = new MapDocument([Actor("a"), Actor("b")], [Link("a", "missing"), Link("a", "a", LinkStrength.Strong), Link("a", "b")]);

        var summary = MapSummary.Of(map);

        Assert.Equal((1, 0, 1), (summary.Links, summary.StrongLinks, summary.Components));
        Assert.Empty(summary.Isolated);
    }

    [Fact]
    public void Ties_among_the_most_connected_are_broken_by_strong_links_then_name()
    {
        var map = new MapDocument([Actor("x"), Actor("y"), Actor("z"), Actor("w")],
            [Link("x", "w"), Link("y", "w", LinkStrength.Strong), Link("z", "w")]);

        var summary = MapSummary.Of(map);

        Assert.Equal(["w", "y", "x", "z"], summary.MostConnected.Select(a => a.Key));
    }
}
