using System.Text.Json;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Map;

/// <summary>The interactive map in a real browser: built by pointer and by keyboard, a saved view, two versions compared, and axe.</summary>
[Collection(MapBrowserCollection.Name)]
public sealed class MapEditorTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private static async Task OpenMapAsync(IPage page, Guid networkId, string query = "")
    {
        await page.GotoAsync($"/networks/{networkId}/map{query}");
        // The island is ready once the circuit is up and the canvas module has drawn the map.
        await Expect(page.Locator(".map-editor[data-ready=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private static ILocator Status(IPage page) => page.Locator(".map-status");

    private static ILocator SubmitOf(IPage page) => page.Locator(".map-form button[type=submit]");

    /// <summary>
    /// The canvas sits below the toolbars, partly under the fold at the test window's height; the mouse only
    /// reaches what is in the viewport, so pointer gestures first bring the whole canvas into view.
    /// </summary>
    private static async Task<LocatorBoundingBoxResult> CanvasInViewAsync(IPage page)
    {
        var canvas = page.Locator("#map-canvas");
        await canvas.EvaluateAsync("el => el.scrollIntoView({ block: 'center' })");
        var box = await canvas.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= page.ViewportSize!.Height, "The canvas fits in the viewport.");
        return box;
    }

    /// <summary>Where a node is on the screen, from the canvas's own instance.</summary>
    private static async Task<(float X, float Y)> NodeOnScreenAsync(IPage page, Guid id)
    {
        await CanvasInViewAsync(page);
        var xy = await page.EvaluateAsync<float[]>(
            """
            id => {
                const el = document.getElementById('map-canvas');
                const p = el.cy.getElementById(id).renderedPosition();
                const r = el.getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }
            """, id.ToString());
        return (xy[0], xy[1]);
    }

    private static async Task<Dictionary<string, double[]>> PositionsAsync(IPage page) =>
        JsonSerializer.Deserialize<Dictionary<string, double[]>>(await page.EvaluateAsync<string>(
            """
            () => {
                const out = {};
                document.getElementById('map-canvas').cy.nodes().forEach(n => { out[n.id()] = [n.position('x'), n.position('y')]; });
                return JSON.stringify(out);
            }
            """))!;

    private async Task<Guid> ActorAsync(WorkbookNetwork network, string name, Sector sector, ParticipationRole? role = null)
    {
        var created = await Service<ActorService>().CreateAsync(network.Id, network.Member.Id,
            new ActorInput(name) { Sector = sector, RoleNow = role, Levels = Level.Strategy });
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    private async Task LinkAsync(WorkbookNetwork network, Guid a, Guid b, LinkStrength strength)
    {
        var created = await Service<LinkService>().CreateAsync(network.Id, network.Member.Id, new LinkInput(a, b) { Strength = strength });
        Assert.True(created.Succeeded, created.ErrorCode);
    }

    [Fact]
    public async Task A_three_actor_map_is_built_by_pointer()
    {
        var network = await CreateNetworkAsync();
        var page = await SignedInPageAsync(network.Member);
        await OpenMapAsync(page, network.Id);
        await Expect(page.Locator(".map-empty")).ToBeVisibleAsync();

        string[] names = ["Kunta", "Yhdistys ry", "Yritys Oy"];
        (float X, float Y)[] spots = [(0.2f, 0.25f), (0.75f, 0.3f), (0.45f, 0.8f)];
        for (var i = 0; i < names.Length; i++)
        {
            var canvas = await CanvasInViewAsync(page);
            await page.Mouse.DblClickAsync(canvas.X + canvas.Width * spots[i].X, canvas.Y + canvas.Height * spots[i].Y);
            await Expect(page.Locator("#map-actor-name")).ToBeFocusedAsync();
            await page.Locator("#map-actor-name").FillAsync(names[i]);
            await SubmitOf(page).ClickAsync();
            await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.ActorAdded", names[i]));
        }
        var actors = (await Service<ActorService>().ListAsync(network.Id, network.Member.Id))!.ToDictionary(a => a.Name, a => a.Id);
        Assert.Equal(3, actors.Count);

        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapEditor.ConnectMode"), Exact = true }).ClickAsync();
        foreach (var (from, to) in new[] { ("Kunta", "Yhdistys ry"), ("Yhdistys ry", "Yritys Oy") })
        {
            var a = await NodeOnScreenAsync(page, actors[from]);
            await page.Mouse.ClickAsync(a.X, a.Y);
            var b = await NodeOnScreenAsync(page, actors[to]);
            await page.Mouse.ClickAsync(b.X, b.Y);
            await Expect(page.Locator("#map-link-target")).ToHaveValueAsync(actors[to].ToString());
            await SubmitOf(page).ClickAsync();
            await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.Linked", from, to));
        }

        var links = (await Service<LinkService>().ListAsync(network.Id, network.Member.Id))!;
        Assert.Equal([("Kunta", "Yhdistys ry"), ("Yhdistys ry", "Yritys Oy")], links.Select(l => (l.SourceName, l.TargetName)).Order());
        Assert.Equal(2, await page.EvaluateAsync<int>("() => document.getElementById('map-canvas').cy.edges().length"));

        await page.GotoAsync($"/networks/{network.Id}/map/tables");
        await Expect(page.Locator(".map-summary")).ToContainTextAsync(UiText.Format("Map.Summary.Counts", 3, 2, 0, 2));
    }

    [Fact]
    public async Task A_three_actor_map_is_built_and_edited_with_the_keyboard_alone()
    {
        var network = await CreateNetworkAsync();
        var page = await SignedInPageAsync(network.Member);
        await OpenMapAsync(page, network.Id);

        var name = page.Locator("#map-actor-name");
        await page.TabToAsync(name, maxPresses: 150);
        await page.Keyboard.TypeAsync("Kunta");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.ActorAdded", "Kunta"));
        // The status and the emptied field come in one render: what is typed next is kept whole.
        await Expect(name).ToHaveValueAsync("");
        await Expect(name).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Yhdistys ry");
        await page.TabToAsync(page.Locator("#map-actor-sector"));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.TabToAsync(name, backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.ActorAdded", "Yhdistys ry"));
        // The emptied name field takes the focus back once the form has rendered again.
        await Expect(name).ToHaveValueAsync("");
        await Expect(name).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Yritys Oy");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.ActorAdded", "Yritys Oy"));

        // Connect from the selects: the options are in name order (Kunta, Yhdistys ry, Yritys Oy).
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapEditor.Connect"), Exact = true }), backwards: true);
        await page.Keyboard.PressAsync("Enter");
        foreach (var (source, target, strong, names) in new[] { (1, 2, true, ("Kunta", "Yhdistys ry")), (2, 3, false, ("Yhdistys ry", "Yritys Oy")) })
        {
            await page.TabToAsync(page.Locator("#map-link-source"));
            for (var i = 0; i < source; i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
            await page.TabToAsync(page.Locator("#map-link-target"));
            for (var i = 0; i < target; i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
            await page.TabToAsync(page.Locator("#map-link-strength"));
            if (strong)
            {
                await page.Keyboard.PressAsync("ArrowUp");
            }
            await page.TabToAsync(SubmitOf(page));
            await page.Keyboard.PressAsync("Enter");
            await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.Linked", names.Item1, names.Item2));
            await Expect(page.Locator("#map-link-source")).ToHaveValueAsync("");
        }

        var actors = (await Service<ActorService>().ListAsync(network.Id, network.Member.Id))!;
        Assert.Equal([("Kunta", Sector.Public), ("Yhdistys ry", Sector.ThirdSector), ("Yritys Oy", Sector.Public)], actors.Select(a => (a.Name, a.Sector)));
        var links = (await Service<LinkService>().ListAsync(network.Id, network.Member.Id))!;
        Assert.Equal([("Kunta", "Yhdistys ry", LinkStrength.Strong), ("Yhdistys ry", "Yritys Oy", LinkStrength.Weak)],
            links.Select(l => (l.SourceName, l.TargetName, l.Strength)).Order());

        // On the canvas: an arrow key selects an actor, Enter opens it in the panel, Delete asks before removing.
        await page.TabToAsync(page.Locator("#map-canvas"), backwards: true, maxPresses: 150);
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.Selected", "").Trim());
        var selected = (await Status(page).InnerTextAsync()).Split(':', 2)[1].Trim();
        await page.Keyboard.PressAsync("Delete");
        await Expect(page.Locator(".map-confirm")).ToContainTextAsync(selected);
        // The confirmation takes the focus once it has rendered; Enter before that would reach the canvas.
        await Expect(page.Locator(".map-confirm .button--danger")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.Removed", selected));
        Assert.Equal(2, (await Service<ActorService>().ListAsync(network.Id, network.Member.Id))!.Count);
        Assert.DoesNotContain(selected, (await Service<ActorService>().ListAsync(network.Id, network.Member.Id))!.Select(a => a.Name));
    }

    [Fact]
    public async Task A_saved_view_keeps_its_positions_after_a_reload()
    {
        var network = await CreateNetworkAsync();
        var kunta = await ActorAsync(network, "Kunta", Sector.Public, ParticipationRole.Locomotive);
        var yhdistys = await ActorAsync(network, "Yhdistys ry", Sector.ThirdSector);
        var yritys = await ActorAsync(network, "Yritys Oy", Sector.Private);
        await LinkAsync(network, kunta, yhdistys, LinkStrength.Strong);
        await LinkAsync(network, yhdistys, yritys, LinkStrength.Weak);
        var page = await SignedInPageAsync(network.Member);
        await OpenMapAsync(page, network.Id);

        await page.Locator("#map-view-name").FillAsync("Työpajan näkymä");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapEditor.View.SaveAs"), Exact = true }).ClickAsync();
        await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.View.Saved", "Työpajan näkymä"));

        // Drag one actor somewhere else and save into the same view.
        var from = await NodeOnScreenAsync(page, kunta);
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + 60, from.Y + 40, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        var moved = await NodeOnScreenAsync(page, kunta);
        Assert.True(Math.Abs(moved.X - from.X) > 30, "The drag moved the actor.");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Format("MapEditor.View.Save", "Työpajan näkymä"), Exact = true }).ClickAsync();
        await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.View.Saved", "Työpajan näkymä"));
        var before = await PositionsAsync(page);

        await OpenMapAsync(page, network.Id);
        await Expect(page.Locator("#map-view option:checked")).ToHaveTextAsync("Työpajan näkymä");
        var after = await PositionsAsync(page);
        Assert.Equal(3, after.Count);
        foreach (var (id, p) in before)
        {
            Assert.InRange(after[id][0], p[0] - 0.5, p[0] + 0.5);
            Assert.InRange(after[id][1], p[1] - 0.5, p[1] + 0.5);
        }
        var view = Assert.Single((await Service<MapViewService>().ListAsync(network.Id, network.Member.Id))!);
        Assert.Equal(before[kunta.ToString()][0], view.Positions[kunta].X, 3);
    }

    [Fact]
    public async Task Two_versions_compare_on_the_map_and_as_a_list_without_accessibility_violations()
    {
        var network = await CreateNetworkAsync();
        var kunta = await ActorAsync(network, "Kunta", Sector.Public, ParticipationRole.Locomotive);
        var yhdistys = await ActorAsync(network, "Yhdistys ry", Sector.ThirdSector);
        await LinkAsync(network, kunta, yhdistys, LinkStrength.Weak);
        var versions = Service<MapVersionService>();
        var first = await versions.TakeAsync(network.Id, network.Member.Id, "Alku");
        Assert.True(first.Succeeded, first.ErrorCode);
        var yritys = await ActorAsync(network, "Yritys Oy", Sector.Private);
        await LinkAsync(network, kunta, yritys, LinkStrength.Strong);
        Assert.True((await Service<ActorService>().DeleteAsync(network.Id, network.Member.Id, yhdistys)).Succeeded);

        var page = await SignedInPageAsync(network.Member);
        await OpenMapAsync(page, network.Id, $"?compare={first.Value},current");
        var changes = page.Locator(".map-changes");
        await Expect(changes).ToContainTextAsync(UiText.Format("MapEditor.Compare.ActorAdded", "Yritys Oy"));
        await Expect(changes).ToContainTextAsync(UiText.Format("MapEditor.Compare.ActorRemoved", "Yhdistys ry"));
        await Expect(page.Locator(".map-legend")).ToContainTextAsync(UiText.Get("MapEditor.Compare.Added"));
        await Expect(page.Locator(".map-legend")).ToContainTextAsync(UiText.Get("MapEditor.Compare.Removed"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.getElementById('map-canvas').cy.nodes('.added').length"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.getElementById('map-canvas').cy.nodes('.removed').length"));
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/map?compare=nonsense");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(UiText.Get("MapEditor.Compare.Invalid"));
    }

    [Fact]
    public async Task Actors_are_sized_by_a_metric_and_coloured_by_community()
    {
        var network = await CreateNetworkAsync();
        var hub = await ActorAsync(network, "Kunta", Sector.Public, ParticipationRole.Locomotive);
        var leaves = new List<Guid>();
        foreach (var name in new[] { "Yhdistys ry", "Yritys Oy", "Seurakunta" })
        {
            var leaf = await ActorAsync(network, name, Sector.ThirdSector);
            await LinkAsync(network, hub, leaf, LinkStrength.Weak);
            leaves.Add(leaf);
        }
        var page = await SignedInPageAsync(network.Member);
        await OpenMapAsync(page, network.Id);
        async Task<double> WidthAsync(Guid id) =>
            await page.EvaluateAsync<double>($"() => document.getElementById('map-canvas').cy.getElementById('{id}').width()");
        Assert.Equal(28, await WidthAsync(hub));

        await page.Locator("#map-size").SelectOptionAsync(nameof(MapSizeBy.Betweenness));
        await Expect(page.Locator(".map-legend")).ToContainTextAsync(UiText.Format("MapEditor.Legend.Size", UiText.Get("MapEditor.SizeBy.Betweenness")));
        // The hub lies on every path between the leaves: the largest size; the leaves broker nothing: the smallest.
        await page.WaitForFunctionAsync("id => document.getElementById('map-canvas').cy.getElementById(id).width() === 60", hub.ToString());
        Assert.Equal(18, await WidthAsync(leaves[0]));

        await page.Locator("#map-colour").SelectOptionAsync(nameof(MapStyleBy.Community));
        await Expect(page.Locator(".map-legend")).ToContainTextAsync(UiText.Format("MapEditor.Legend.Community", 1, 4));
        await Axe.AssertAccessibleAsync(page);

        // The styling is part of a saved view.
        await page.Locator("#map-view-name").FillAsync("Keskeisyys");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapEditor.View.SaveAs"), Exact = true }).ClickAsync();
        await Expect(Status(page)).ToContainTextAsync(UiText.Format("MapEditor.View.Saved", "Keskeisyys"));
        var view = Assert.Single((await Service<MapViewService>().ListAsync(network.Id, network.Member.Id))!);
        Assert.Equal(MapSizeBy.Betweenness, view.Settings.SizeBy);
        Assert.Equal(MapStyleBy.Community, view.Settings.ColourBy);
    }

    private static Task<string> EdgeStyleAsync(IPage page, string selector, string property) =>
        page.EvaluateAsync<string>("([s, p]) => document.getElementById('map-canvas').cy.edges(s).first().style(p)", new[] { selector, property });

    [Fact]
    public async Task A_large_map_is_drawn_lighter_and_in_full_once_zoomed_in()
    {
        // 60 actors and 450 links: 510 elements, just above the large-map threshold of 500.
        var network = await CreateNetworkAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await ActorAsync(network, "Toimija " + i, (Sector)(i % 4)));
        }
        var pairs = Enumerable.Range(0, 60).SelectMany(a => Enumerable.Range(a + 1, 59 - a).Select(b => (a, b))).Take(450).ToList();
        foreach (var (a, b) in pairs)
        {
            await LinkAsync(network, ids[a], ids[b], (a + b) % 3 == 0 ? LinkStrength.Strong : LinkStrength.Weak);
        }
        var page = await SignedInPageAsync(network.Member);
        await OpenMapAsync(page, network.Id);
        await Expect(page.Locator("#map-large-note")).ToHaveTextAsync(UiText.Get("MapFast.Legend.LargeMap"));
        // A new large map gets the draft layout before it is drawn: every actor on a place of its own, the
        // map (two hops across: the first eight actors link to all) spread over more than one separation (75 px
        // at this size), not heaped at one point.
        var placed = (await PositionsAsync(page)).Values.ToList();
        Assert.Equal(60, placed.Count);
        Assert.Equal(60, placed.Select(p => (Math.Round(p[0]), Math.Round(p[1]))).Distinct().Count());
        Assert.True(placed.Max(p => p[0]) - placed.Min(p => p[0]) > 75, "The draft layout spreads the map.");
        await CanvasInViewAsync(page);
        await page.Locator("#map-canvas").FocusAsync();

        // Zoomed out with the keyboard below the detail zoom: straight lines; a weak link thin and solid, a
        // strong one thick, so strength shows by width and not by colour alone.
        await ZoomWithKeyAsync(page, "-", zoom => zoom < 0.9);
        await page.WaitForFunctionAsync("() => document.getElementById('map-canvas').cy.edges('.Weak').first().style('line-style') === 'solid'");
        Assert.Equal("haystack", await EdgeStyleAsync(page, ".Weak", "curve-style"));
        Assert.Equal("1px", await EdgeStyleAsync(page, ".Weak", "width"));
        Assert.Equal("4px", await EdgeStyleAsync(page, ".Strong", "width"));
        await Axe.AssertAccessibleAsync(page);

        // Zoomed in past the detail zoom, weak links are dashed again as in the legend.
        await ZoomWithKeyAsync(page, "+", zoom => zoom >= 0.9);
        await page.WaitForFunctionAsync("() => document.getElementById('map-canvas').cy.edges('.Weak').first().style('line-style') === 'dashed'");
        Assert.Equal("4px", await EdgeStyleAsync(page, ".Strong", "width"));
    }

    [Fact]
    public async Task The_draft_layout_of_large_maps_keeps_shapes_and_puts_components_apart()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        // A ring of 40, a chain of 30, a triangle, a pair and two lone actors; laid out twice.
        var result = JsonSerializer.Deserialize<JsonElement>(await page.EvaluateAsync<string>(
            """
            async () => {
                const { draftPositions } = await import('/js/map-draft-layout.js');
                const ids = [];
                const links = [];
                for (let i = 0; i < 40; i++) { ids.push('r' + i); links.push(['r' + i, 'r' + ((i + 1) % 40)]); }
                for (let i = 0; i < 30; i++) { ids.push('c' + i); if (i) links.push(['c' + (i - 1), 'c' + i]); }
                ids.push('t0', 't1', 't2', 'p0', 'p1', 'lone1', 'lone2');
                links.push(['t0', 't1'], ['t1', 't2'], ['t2', 't0'], ['p0', 'p1'], ['p0', 'missing']);
                const first = draftPositions(ids, links, 100);
                const second = draftPositions(ids, links, 100);
                return JSON.stringify({ first, same: JSON.stringify(first) === JSON.stringify(second) });
            }
            """));
        Assert.True(result.GetProperty("same").GetBoolean(), "The same map gets the same layout.");
        var positions = result.GetProperty("first").EnumerateObject()
            .ToDictionary(p => p.Name, p => (X: p.Value.GetProperty("x").GetDouble(), Y: p.Value.GetProperty("y").GetDouble()));
        Assert.Equal(77, positions.Count);
        Assert.All(positions.Values, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y)));

        // The ring stays a ring: every actor about as far from its centre as the others.
        var ring = positions.Where(p => p.Key.StartsWith('r')).Select(p => p.Value).ToList();
        var (cx, cy) = (ring.Average(p => p.X), ring.Average(p => p.Y));
        var radii = ring.Select(p => Math.Sqrt((p.X - cx) * (p.X - cx) + (p.Y - cy) * (p.Y - cy))).ToList();
        Assert.True(radii.Min() > 0.8 * radii.Average() && radii.Max() < 1.2 * radii.Average(), $"Ring radii {radii.Min():F0}–{radii.Max():F0}.");
        // The chain stays stretched out: its ends are most of its 29 links apart (100 px a link).
        var (start, end) = (positions["c0"], positions["c29"]);
        Assert.True(Math.Sqrt((start.X - end.X) * (start.X - end.X) + (start.Y - end.Y) * (start.Y - end.Y)) > 20 * 100, "The chain is drawn straight.");

        // No two components overlap.
        var groups = positions.GroupBy(p => p.Key.StartsWith("lone", StringComparison.Ordinal) ? p.Key : p.Key[..1])
            .Select(g => (Name: g.Key, MinX: g.Min(p => p.Value.X), MaxX: g.Max(p => p.Value.X), MinY: g.Min(p => p.Value.Y), MaxY: g.Max(p => p.Value.Y)))
            .ToList();
        Assert.Equal(6, groups.Count);
        foreach (var a in groups)
        {
            foreach (var b in groups.Where(b => string.CompareOrdinal(b.Name, a.Name) > 0))
            {
                Assert.True(a.MaxX < b.MinX || b.MaxX < a.MinX || a.MaxY < b.MinY || b.MaxY < a.MinY, $"{a.Name} and {b.Name} overlap.");
            }
        }
    }

    private static async Task ZoomWithKeyAsync(IPage page, string key, Func<double, bool> until)
    {
        for (var i = 0; i < 20 && !until(await page.EvaluateAsync<double>("() => document.getElementById('map-canvas').cy.zoom()")); i++)
        {
            await page.Keyboard.PressAsync(key);
        }
        Assert.True(until(await page.EvaluateAsync<double>("() => document.getElementById('map-canvas').cy.zoom()")), "The keys reach the zoom.");
    }

    [Fact]
    public async Task The_map_page_has_no_accessibility_violations_and_is_read_only_for_a_viewer()
    {
        var network = await CreateNetworkAsync();
        var kunta = await ActorAsync(network, "Kunta", Sector.Public, ParticipationRole.Locomotive);
        var yhdistys = await ActorAsync(network, "Yhdistys ry", Sector.ThirdSector);
        await LinkAsync(network, kunta, yhdistys, LinkStrength.Strong);

        var page = await SignedInPageAsync(network.Member);
        await OpenMapAsync(page, network.Id);
        await Expect(page.Locator(".map-legend")).ToContainTextAsync(UiText.Get("Map.Sector.ThirdSector"));
        await Expect(page.Locator("a[href$='/map/tables']").First).ToBeVisibleAsync();
        // A small map keeps the standard drawing: curved lines and no large-map note.
        Assert.Equal("bezier", await EdgeStyleAsync(page, ".Strong", "curve-style"));
        await Expect(page.Locator("#map-large-note")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);

        var viewer = await TestUsers.CreateAsync(Fixture.App.Services, name: "Ville Katselija " + Guid.NewGuid().ToString("N")[..6]);
        var invitations = Service<InvitationService>();
        var invitation = await invitations.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Viewer, 7, null));
        Assert.True((await invitations.AcceptAsync(invitation.Value!.Token, viewer.Id)).Succeeded);
        var viewerPage = await SignedInPageAsync(viewer);
        await OpenMapAsync(viewerPage, network.Id);
        await Expect(viewerPage.Locator(".map-panel")).ToContainTextAsync(UiText.Get("MapEditor.ReadOnly"));
        await Expect(viewerPage.Locator("#map-actor-name")).ToHaveCountAsync(0);
        Assert.True(await viewerPage.EvaluateAsync<bool>("() => document.getElementById('map-canvas').cy.autoungrabify()"));
        var canvas = await viewerPage.Locator("#map-canvas").BoundingBoxAsync();
        await viewerPage.Mouse.DblClickAsync(canvas!.X + 10, canvas.Y + 10);
        await Expect(viewerPage.Locator("#map-actor-name")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(viewerPage);
    }
}
