using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Actions;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.Exports;

/// <summary>Reads everything a network's documents show in one short-lived context and puts it into words.</summary>
internal static class ExportContentLoader
{
    /// <summary>The workbook's origin first, then the frameworks and their adaptations (PRODUCT.md).</summary>
    private static readonly string[] AttributionOrder = ["kasvupok-2021", "jarvensivu-2019", "kaner-2007", "isaacs-1999"];

    /// <summary>The drawing area's width over its height on the map slide; positions keep their proportions inside it.</summary>
    internal const double MapAspect = 2.2;

    public static async Task<ExportContent?> LoadAsync(VerkostamoDbContext db, Guid networkId, ExportOptions options, Func<string, ExportTexts> textsFor,
        TimeProvider clock, CancellationToken ct)
    {
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId && n.DeletedAt == null, ct);
        if (network is null)
        {
            return null;
        }
        var texts = textsFor(network.Language);
        var language = network.Language;
        var now = clock.GetUtcNow();
        await WorkbookStore.EnsureAsync(db, networkId, now, ct);
        await ClockService.EnsureDefaultAsync(db, networkId, clock, ct);
        var template = WorkbookTemplate.Current;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ClockService.Helsinki).DateTime);

        var logos = (await db.NetworkLogos.AsNoTracking().Where(l => l.NetworkId == networkId).OrderBy(l => l.Order).ToListAsync(ct))
            .Select(l => ImageSize.Of(l.Content) is { } size ? new ExportLogo(l.Content, size.ContentType, size.Width, size.Height) : null)
            .OfType<ExportLogo>().ToList();

        var sections = await db.WorkbookSections.AsNoTracking().Where(s => s.NetworkId == networkId && s.DeletedAt == null && !s.Hidden)
            .OrderBy(s => s.Order).ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking().Where(t => t.NetworkId == networkId && t.DeletedAt == null && t.ArchivedAt == null)
            .OrderBy(t => t.Order).ToListAsync(ct);
        var solutions = await db.KeySolutions.AsNoTracking().Where(k => k.NetworkId == networkId && k.DeletedAt == null)
            .OrderBy(k => k.Order).ThenBy(k => k.CreatedAt).ToListAsync(ct);
        var actionOwners = await db.Actions.AsNoTracking().Where(a => a.NetworkId == networkId && a.DeletedAt == null)
            .Select(a => new { a.Id, a.SectionId, a.ThemeId }).ToDictionaryAsync(a => a.Id, ct);
        var actions = (await ActionService.ListAsync(db, networkId, a => a.DeletedAt == null, ct, today))
            .Where(a => actionOwners.ContainsKey(a.Id)).ToList();

        bool Chosen(string key) => options.Sections is null || options.Sections.Contains(key);
        var liveSections = sections.Where(s => s.Key != "themes").ToList();
        var exportSections = liveSections.Where(s => Chosen(s.Key)).Select(s =>
        {
            var t = template.Find(s.Key);
            var words = t?.For(language);
            var blocks = new List<ExportBlock>();
            if (FieldLines(t?.Fields ?? SectionFieldsKind.None, SectionFields.FromJson(s.FieldsJson), texts, language) is { Count: > 0 } fields)
            {
                blocks.Add(new ExportBlock(texts["Export.Answers"], fields));
            }
            AddAnswerBlocks(blocks, texts, words, solutions.Where(k => k.SectionId == s.Id).Select(k => k.Text),
                actions.Where(a => actionOwners[a.Id].SectionId == s.Id), s.Responsibilities);
            return new ExportSection(s.Key, t?.Number ?? 0, s.Title ?? words?.Title ?? s.Key, s.Intro ?? words?.Intro ?? "", s.Question ?? words?.Question ?? "",
                words is null ? [] : Framework(words), blocks, [.. (t?.Attributions ?? []).Select(a => template.Attribution(a, language))]);
        }).ToList();

        var exportThemes = !Chosen("themes") ? [] : themes.Select(t =>
        {
            var blocks = new List<ExportBlock>();
            if (!string.IsNullOrWhiteSpace(t.Goal))
            {
                blocks.Add(new ExportBlock(texts["Export.Goal"], Paragraphs(Plain(t.Goal)), Bulleted: false));
            }
            AddAnswerBlocks(blocks, texts, null, solutions.Where(k => k.ThemeId == t.Id).Select(k => k.Text),
                actions.Where(a => actionOwners[a.Id].ThemeId == t.Id), t.Responsibilities);
            return new ExportSection("theme-" + t.Id.ToString("N"), 0, t.Title, "", "", [], blocks, []);
        }).ToList();

        var places = liveSections.ToDictionary(s => s.Id, s => s.Title ?? template.Find(s.Key)?.For(language).Title ?? s.Key);
        foreach (var theme in themes)
        {
            places[theme.Id] = theme.Title;
        }
        var planRows = actions
            .Select(a => (Action: a, Where: (actionOwners[a.Id].SectionId ?? actionOwners[a.Id].ThemeId) is { } owner ? places.GetValueOrDefault(owner) : null))
            .Where(x => x.Where is not null)
            .Select(x => (IReadOnlyList<string>)[x.Where!, x.Action.Title, x.Action.OwnerDisplay ?? x.Action.OwnerName ?? "", Date(x.Action.DueDate), texts["Status." + x.Action.Status]])
            .ToList();
        var plan = new ExportTable(texts["Export.ActionPlan"],
            [texts["Export.Column.Where"], texts["Export.Column.Action"], texts["Export.Column.Owner"], texts["Export.Column.Due"], texts["Export.Column.Status"]], planRows)
        { SheetName = texts["Export.Sheet.Actions"] };

        var events = (await db.ClockEvents.AsNoTracking().Where(e => e.NetworkId == networkId && e.DeletedAt == null).ToListAsync(ct))
            .OrderBy(e => e.StartDate).ThenBy(e => e.Title, StringComparer.Ordinal)
            .Select(e => new ExportEvent(e.Title, texts["Clock.Ring." + e.Category], e.StartDate, e.EndDate, e.Description)).ToList();

        var document = await MapSnapshot.LoadAsync(db, networkId, ct);
        var views = await db.MapViews.AsNoTracking().Where(v => v.NetworkId == networkId).OrderBy(v => v.Order).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        var view = options.ViewId is { } viewId ? views.FirstOrDefault(v => v.Id == viewId) : views.FirstOrDefault();
        var map = Place(document, view is null ? null : MapViewService.ToDetails(view));

        var attributions = AttributionOrder.Where(template.Attributions.ContainsKey).Select(a => template.Attribution(a, language)).ToList();
        return new ExportContent(network.Id, network.Name, string.IsNullOrWhiteSpace(network.EventName) ? network.ShortDescription : network.EventName,
            language, today, logos, exportSections, exportThemes, plan, events, map, attributions, [], texts);
    }

    private static void AddAnswerBlocks(List<ExportBlock> blocks, ExportTexts texts, SectionTexts? words, IEnumerable<string> solutions,
        IEnumerable<ActionView> steps, string responsibilities)
    {
        if (solutions.Select(Plain).ToList() is { Count: > 0 } list)
        {
            blocks.Add(new ExportBlock(words?.KeySolutionsLabel ?? texts["Export.KeySolutions"], list));
        }
        if (steps.Select(a => Step(a, texts)).ToList() is { Count: > 0 } lines)
        {
            blocks.Add(new ExportBlock(words?.NextStepsLabel ?? texts["Export.NextSteps"], lines));
        }
        if (!string.IsNullOrWhiteSpace(responsibilities))
        {
            blocks.Add(new ExportBlock(words?.ResponsibilitiesLabel ?? texts["Export.Responsibilities"], Paragraphs(Plain(responsibilities)), Bulleted: false));
        }
    }

    private static string Step(ActionView a, ExportTexts texts)
    {
        var details = new[] { a.OwnerDisplay ?? a.OwnerName, a.DueDate is { } due ? Date(due) : null, texts["Status." + a.Status] }
            .Where(s => !string.IsNullOrWhiteSpace(s));
        return $"{a.Title} ({string.Join(", ", details)})";
    }

    /// <summary>Answers are written in Markdown; documents show their words without the marks (** and the like).</summary>
    internal static string Plain(string markdown) => Markdig.Markdown.ToPlainText(markdown).Trim();

    internal static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "";

    internal static IReadOnlyList<string> Paragraphs(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)];

    private static List<string> FieldLines(SectionFieldsKind kind, SectionFields f, ExportTexts texts, string language)
    {
        var lines = new List<string>();
        void Add(string? s)
        {
            if (!string.IsNullOrWhiteSpace(s))
            {
                lines.AddRange(Paragraphs(s));
            }
        }
        switch (kind)
        {
            case SectionFieldsKind.Definition:
                Add(f.ShortDescription);
                Add(f.ActorsDescription);
                break;
            case SectionFieldsKind.DevelopmentPhase:
                if (f.CurrentPhase is { } phase && SectionView.DefaultLearningPhases(language) is var phases && phase >= 0 && phase < phases.Count)
                {
                    lines.Add(texts.Format("Export.CurrentPhase", phases[phase]));
                }
                Add(f.PhaseNote);
                break;
            case SectionFieldsKind.Leadership:
                Add(f.LeadershipNote);
                break;
            case SectionFieldsKind.Roles:
                foreach (var role in f.Roles?.Where(r => r.InUse || !string.IsNullOrWhiteSpace(r.Holders)) ?? [])
                {
                    lines.Add(string.IsNullOrWhiteSpace(role.Holders) ? texts["Participation." + role.Role] : $"{texts["Participation." + role.Role]}: {role.Holders}");
                }
                break;
            case SectionFieldsKind.LearningPhases:
                foreach (var p in f.LearningPhases?.Where(p => !string.IsNullOrWhiteSpace(p)) ?? [])
                {
                    lines.Add(p);
                }
                break;
            case SectionFieldsKind.Cover:
                foreach (var a in f.CoverAnswers?.Where(a => !string.IsNullOrWhiteSpace(a)) ?? [])
                {
                    Add(a);
                }
                break;
        }
        return lines;
    }

    /// <summary>The framework's drawing as plain lines: the explanation, then its title, rows, groups, centre and note.</summary>
    private static List<string> Framework(SectionTexts words)
    {
        var lines = new List<string>();
        if (words.Explanation is { } explanation)
        {
            lines.AddRange(Paragraphs(explanation));
        }
        if (words.Framework is not { } f)
        {
            return lines;
        }
        void Add(string? s)
        {
            if (!string.IsNullOrWhiteSpace(s))
            {
                lines.Add(s.Trim());
            }
        }
        Add(string.IsNullOrWhiteSpace(f.Subtitle) ? f.Title : $"{f.Title}: {f.Subtitle}");
        if (f.Columns.Count > 0)
        {
            Add(string.Join(" | ", f.Columns));
        }
        foreach (var row in f.Rows)
        {
            var parts = new[] { row.Text }.Concat(row.Cells).Where(s => !string.IsNullOrWhiteSpace(s));
            Add(parts.Any() ? $"{row.Title}: {string.Join(" | ", parts)}" : row.Title);
        }
        foreach (var group in f.Groups)
        {
            var parts = new[] { group.Text }.Concat(group.Items).Where(s => !string.IsNullOrWhiteSpace(s));
            Add(parts.Any() ? $"{group.Title}: {string.Join("; ", parts)}" : group.Title);
        }
        if (f.Centre.Count > 0)
        {
            Add(string.Join(", ", f.Centre));
        }
        Add(f.Note);
        return lines;
    }

    /// <summary>
    /// Positions from the saved view, scaled into the drawing area with their proportions kept; actors the view has not
    /// placed (added after it was saved), or every actor when there is no view, go on a circle.
    /// </summary>
    internal static ExportMap Place(MapDocument document, MapViewDetails? view)
    {
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        if (view is not null)
        {
            foreach (var (id, p) in view.Positions)
            {
                positions[MapSnapshot.KeyOf(id)] = (p.X, p.Y);
            }
        }
        var placed = document.Actors.Where(a => positions.ContainsKey(a.Key)).ToList();
        var unplaced = document.Actors.Where(a => !positions.ContainsKey(a.Key)).ToList();
        var result = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        if (placed.Count > 0)
        {
            var minX = placed.Min(a => positions[a.Key].X);
            var maxX = placed.Max(a => positions[a.Key].X);
            var minY = placed.Min(a => positions[a.Key].Y);
            var maxY = placed.Max(a => positions[a.Key].Y);
            var width = Math.Max(maxX - minX, 1e-9);
            var height = Math.Max(maxY - minY, 1e-9);
            // One scale for both axes so that the drawing keeps its shape; the unused side is centred.
            var scale = Math.Min(1 / width, MapAspect / height);
            var offsetX = (1 - (width * scale)) / 2;
            var offsetY = (1 - (height * scale / MapAspect)) / 2;
            // Actors the view has not placed ring the placed ones, so the placed ones keep to the middle.
            var margin = unplaced.Count > 0 ? 0.1 : 0.0;
            var inner = 1 - (2 * margin);
            foreach (var a in placed)
            {
                var (x, y) = positions[a.Key];
                result[a.Key] = (margin + (inner * (offsetX + ((x - minX) * scale))), margin + (inner * (offsetY + ((y - minY) * scale / MapAspect))));
            }
        }
        for (var i = 0; i < unplaced.Count; i++)
        {
            var angle = (2 * Math.PI * i / unplaced.Count) - (Math.PI / 2);
            result[unplaced[i].Key] = (0.5 + (0.5 * Math.Cos(angle)), 0.5 + (0.5 * Math.Sin(angle)));
        }
        return new ExportMap(view?.Name, [.. document.Actors.Select(a => new ExportPlacedActor(a, result[a.Key].X, result[a.Key].Y))], document.Links, document);
    }
}
