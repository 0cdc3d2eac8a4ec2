using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.Assessments;

/// <summary>
/// The instruments every network starts from, built from the workbook template's own frameworks so the
/// statements read exactly as in the workbook, in every language the template has.
/// </summary>
public static class AssessmentTemplate
{
    public const string Leadership = "leadership";
    public const string Roles = "roles";
    public const string Open = "open";

    private static readonly Lazy<IReadOnlyList<InstrumentDefinition>> Built = new(Build);

    public static IReadOnlyList<InstrumentDefinition> Instruments => Built.Value;

    public static InstrumentDefinition? Find(string key) => Instruments.FirstOrDefault(i => i.Key == key);

    private static readonly string[] Langs = [.. WorkbookTemplate.Languages];

    private static readonly Dictionary<string, (string Now, string Wanted, string RoleNow, string RoleWanted, string Phase)> Words = new()
    {
        ["fi"] = ("Nyt", "Toivottu", "Roolini nyt", "Toivottu roolini", "Missä vaiheessa olemme nyt?"),
        ["sv"] = ("Nu", "Önskat", "Min roll nu", "Min önskade roll", "I vilken fas är vi nu?"),
        ["en"] = ("Now", "Wanted", "My role now", "My wanted role", "Which phase are we in now?"),
    };

    private static List<InstrumentDefinition> Build()
    {
        var template = WorkbookTemplate.Current;
        FrameworkContent F(string section, string lang) => template.Find(section)!.For(lang).Framework!;
        Dictionary<string, string> Title(string section) => Langs.ToDictionary(l => l, l => template.Find(section)!.For(l).Title);
        Dictionary<string, string> Per(Func<string, string> text) => Langs.ToDictionary(l => l, text);

        var list = new List<InstrumentDefinition>();

        // Section 6: each respondent places the network now and wanted; x runs from top-down to together
        // bottom-up, y from naturally evolving to goal-oriented (axes: [high y, low y, left x, right x]).
        string Axis(string lang, bool x, bool now)
        {
            var a = F("leadership", lang).Axes;
            var w = Words[lang];
            return $"{(now ? w.Now : w.Wanted)}: {(x ? a[2] : a[1])} (1) – {(x ? a[3] : a[0])} (5)";
        }
        list.Add(new(Leadership, InstrumentKind.Leadership, "leadership", Title("leadership"),
        [
            new("now-x", AssessmentItemKind.Scale, Per(l => Axis(l, true, true))),
            new("now-y", AssessmentItemKind.Scale, Per(l => Axis(l, false, true))),
            new("wanted-x", AssessmentItemKind.Scale, Per(l => Axis(l, true, false))),
            new("wanted-y", AssessmentItemKind.Scale, Per(l => Axis(l, false, false))),
        ]));

        // Section 8: the twelve cells of knowing, trust and commitment.
        var ktc = F("knowing-trust-commitment", "fi");
        list.Add(new("knowing-trust-commitment", InstrumentKind.Items, "knowing-trust-commitment", Title("knowing-trust-commitment"),
        [
            .. Enumerable.Range(0, ktc.Columns.Count).SelectMany(c => Enumerable.Range(0, ktc.Rows.Count).Select(r =>
                new AssessmentItem($"c{c + 1}r{r + 1}", AssessmentItemKind.Scale, Per(l =>
                {
                    var f = F("knowing-trust-commitment", l);
                    return $"{f.Columns[c]}: {f.Rows[r].Cells[c]}";
                })))),
        ]));

        list.Add(Groups("strong-weak-links", "strong-weak-links", ["weak", "strong"]));

        // Section 5: which phase we are in, and how well each phase is done.
        var phases = F("development-cycle", "fi").Rows.Count;
        list.Add(new("development-cycle", InstrumentKind.Items, "development-cycle", Title("development-cycle"),
        [
            new("phase", AssessmentItemKind.Choice, Per(l => Words[l].Phase))
            {
                Options = [.. Enumerable.Range(0, phases).Select(p => (IReadOnlyDictionary<string, string>)Per(l => F("development-cycle", l).Rows[p].Title))],
            },
            .. Enumerable.Range(0, phases).Select(p => new AssessmentItem($"phase-{p + 1}", AssessmentItemKind.Scale, Per(l => F("development-cycle", l).Rows[p].Title))),
        ]));

        var learning = F("learning-cycle", "fi").Rows.Count;
        list.Add(new("learning-cycle", InstrumentKind.Items, "learning-cycle", Title("learning-cycle"),
            [.. Enumerable.Range(0, learning).Select(p => new AssessmentItem($"step-{p + 1}", AssessmentItemKind.Scale, Per(l => F("learning-cycle", l).Rows[p].Title)))]));

        // Section 11: the three ways of working, then the dialogue steps.
        var ways = F("ways-of-working", "fi");
        list.Add(new("ways-of-working", InstrumentKind.Items, "ways-of-working", Title("ways-of-working"),
        [
            .. Enumerable.Range(0, ways.Columns.Count).Select(c => new AssessmentItem($"way-{c + 1}", AssessmentItemKind.Scale, Per(l => F("ways-of-working", l).Columns[c]))),
            .. Enumerable.Range(0, ways.Groups[0].Items.Count).Select(i => new AssessmentItem($"dialogue-{i + 1}", AssessmentItemKind.Scale, Per(l =>
            {
                var g = F("ways-of-working", l).Groups[0];
                return $"{g.Title}: {g.Items[i]}";
            }))),
        ]));

        list.Add(Groups("coordination-facilitation", "coordination-facilitation", ["coordination", "facilitation"]));

        // Section 7: my role now and the one I would want.
        var roles = F("roles", "fi").Rows.Count;
        IReadOnlyList<IReadOnlyDictionary<string, string>> roleOptions = [.. Enumerable.Range(0, roles).Select(r => (IReadOnlyDictionary<string, string>)Per(l => F("roles", l).Rows[r].Title))];
        list.Add(new(Roles, InstrumentKind.Items, "roles", Title("roles"),
        [
            new("now", AssessmentItemKind.Choice, Per(l => Words[l].RoleNow)) { Options = roleOptions },
            new("wanted", AssessmentItemKind.Choice, Per(l => Words[l].RoleWanted)) { Options = roleOptions },
        ]));

        list.Add(new(Open, InstrumentKind.Items, "evaluation", new Dictionary<string, string> { ["fi"] = "Avoimet kysymykset", ["sv"] = "Öppna frågor", ["en"] = "Open questions" },
        [
            new("works", AssessmentItemKind.Text, new Dictionary<string, string> { ["fi"] = "Mikä verkostossamme toimii hyvin?", ["sv"] = "Vad fungerar bra i vårt nätverk?", ["en"] = "What works well in our network?" }),
            new("develop", AssessmentItemKind.Text, new Dictionary<string, string> { ["fi"] = "Mitä meidän pitäisi kehittää seuraavaksi?", ["sv"] = "Vad borde vi utveckla härnäst?", ["en"] = "What should we develop next?" }),
        ]));
        return list;

        // An instrument of one scale item per listed mark of the section's titled groups.
        InstrumentDefinition Groups(string key, string section, string[] prefixes)
        {
            var groups = F(section, "fi").Groups;
            return new(key, InstrumentKind.Items, section, Title(section),
            [
                .. Enumerable.Range(0, groups.Count).SelectMany(g => Enumerable.Range(0, groups[g].Items.Count).Select(i =>
                    new AssessmentItem($"{prefixes[g]}-{i + 1}", AssessmentItemKind.Scale, Per(l =>
                    {
                        var group = F(section, l).Groups[g];
                        return $"{group.Title}: {group.Items[i]}";
                    })))),
            ]);
        }
    }
}
