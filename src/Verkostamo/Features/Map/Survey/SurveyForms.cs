using Microsoft.Extensions.Localization;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Survey;
using Verkostamo.Resources;

namespace Verkostamo.Features.Map.Survey;

/// <summary>One row of the survey form: a partner, how strongly, on what.</summary>
public sealed class SurveyRowForm
{
    public string? Name { get; set; }
    public LinkStrength Strength { get; set; } = LinkStrength.Weak;
    // One property per suggested kind: unchecked boxes send nothing, which an indexed list would not survive.
    public bool Information { get; set; }
    public bool Referrals { get; set; }
    public bool Development { get; set; }
    public bool Funding { get; set; }
    public string? OtherKind { get; set; }
    public string? Note { get; set; }

    public bool IsChecked(int kind) => kind switch { 0 => Information, 1 => Referrals, 2 => Development, _ => Funding };

    public IEnumerable<string> Checked(IReadOnlyList<string> standardKinds) => standardKinds.Where((_, i) => IsChecked(i));
}

public sealed class SurveyAnswerForm
{
    public Guid? RespondentActorId { get; set; }
    public string? RespondentName { get; set; }
    public List<SurveyRowForm> Rows { get; set; } = [];

    /// <summary>"more" asks for more empty rows without sending.</summary>
    public string? Command { get; set; }

    public const int ExtraRows = 3;
    public const int MinRows = 5;

    public static SurveyAnswerForm From(SurveyForm form, IReadOnlyList<string> standardKinds) => new()
    {
        RespondentActorId = form.RespondentActorId,
        RespondentName = form.RespondentActorId is null ? form.RespondentName : null,
        Rows = [.. form.Entries.Select(e => new SurveyRowForm
        {
            Name = e.Name,
            Strength = e.Strength,
            Information = e.Kinds.Contains(standardKinds[0]),
            Referrals = e.Kinds.Contains(standardKinds[1]),
            Development = e.Kinds.Contains(standardKinds[2]),
            Funding = e.Kinds.Contains(standardKinds[3]),
            OtherKind = string.Join(", ", e.Kinds.Where(k => !standardKinds.Contains(k))),
            Note = e.Note,
        })],
    };

    /// <summary>Pads with empty rows so there is always room to add partners.</summary>
    public SurveyAnswerForm Padded(int extra = ExtraRows)
    {
        var target = Math.Min(MapSurveyService.MaxEntries, Math.Max(MinRows, Rows.Count(r => !string.IsNullOrWhiteSpace(r.Name)) + extra));
        while (Rows.Count < target)
        {
            Rows.Add(new SurveyRowForm());
        }
        return this;
    }

    public IReadOnlyList<SurveyEntry> Entries(IReadOnlyList<string> standardKinds) =>
        [.. Rows.Select(r => new SurveyEntry(r.Name ?? "", r.Strength, [.. r.Checked(standardKinds), .. ActorService.ParseTags(r.OtherKind)], r.Note))];
}

public static class SurveyKinds
{
    public static readonly string[] Keys = ["Information", "Referrals", "Development", "Funding"];

    /// <summary>The suggested kinds of cooperation in the user's language; stored as typed, like any tag.</summary>
    public static IReadOnlyList<string> Labels(IStringLocalizer<SharedResource> l) => [.. Keys.Select(k => l["Survey.Kind." + k].Value)];
}
