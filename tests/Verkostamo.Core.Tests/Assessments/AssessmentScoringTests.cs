using Verkostamo.Core.Assessments;

namespace Verkostamo.Core.Tests.Assessments;

/// <summary>Scoring and the anonymity threshold, on the template's own instruments.</summary>
public class AssessmentScoringTests
{
    private static readonly InstrumentDefinition Ktc = AssessmentTemplate.Find("knowing-trust-commitment")!;
    private static readonly InstrumentDefinition Roles = AssessmentTemplate.Find(AssessmentTemplate.Roles)!;
    private static readonly InstrumentDefinition Leadership = AssessmentTemplate.Find(AssessmentTemplate.Leadership)!;
    private static readonly InstrumentDefinition Open = AssessmentTemplate.Find(AssessmentTemplate.Open)!;
    private static readonly IReadOnlyList<InstrumentDefinition> Asked = [Ktc, Roles, Leadership, Open];

    private static ScoredAnswer Answer(RespondentChannel channel, int trust, int role, (int, int, int, int)? placement = null, string? text = null)
    {
        var set = new AnswerSet();
        set.Values[AnswerSet.Key(Ktc.Key, "c2r1")] = trust;
        set.Values[AnswerSet.Key(Roles.Key, "now")] = role;
        if (placement is var (nx, ny, wx, wy))
        {
            set.Values[AnswerSet.Key(Leadership.Key, "now-x")] = nx;
            set.Values[AnswerSet.Key(Leadership.Key, "now-y")] = ny;
            set.Values[AnswerSet.Key(Leadership.Key, "wanted-x")] = wx;
            set.Values[AnswerSet.Key(Leadership.Key, "wanted-y")] = wy;
        }
        if (text is not null)
        {
            set.Texts[AnswerSet.Key(Open.Key, "works")] = text;
        }
        return new(channel, set);
    }

    private static ItemResult Item(GroupResults results, InstrumentDefinition instrument, string item) =>
        results.Instruments.Single(i => i.Instrument.Key == instrument.Key).Items.Single(i => i.ItemKey == item);

    [Fact]
    public void The_template_has_every_framework_in_three_languages()
    {
        Assert.Equal(["leadership", "knowing-trust-commitment", "strong-weak-links", "development-cycle", "learning-cycle", "ways-of-working",
            "coordination-facilitation", "roles", "open"], AssessmentTemplate.Instruments.Select(i => i.Key));
        Assert.Equal(12, Ktc.Items.Count);
        Assert.Equal(12, AssessmentTemplate.Find("strong-weak-links")!.Items.Count);
        Assert.Equal(7, AssessmentTemplate.Find("ways-of-working")!.Items.Count);
        Assert.Equal(8, AssessmentTemplate.Find("coordination-facilitation")!.Items.Count);
        Assert.Equal(4, Roles.Items[0].MaxValue);
        Assert.Equal("Luottamus: Hyväntahtoisuus", Ktc.Find("c2r1")!.TextIn("fi"));
        Assert.Equal("Trust: Goodwill", Ktc.Find("c2r1")!.TextIn("en"));
        Assert.All(AssessmentTemplate.Instruments.SelectMany(i => i.Items), item =>
            Assert.All(new[] { "fi", "sv", "en" }, l => Assert.False(string.IsNullOrWhiteSpace(item.Text.GetValueOrDefault(l)), item.Key + " " + l)));
        Assert.All(AssessmentTemplate.Instruments, i => Assert.Null(AssessmentService.Validate(i)));
    }

    [Fact]
    public void Mean_distribution_and_count_per_item()
    {
        var answers = new[] { Answer(RespondentChannel.Members, 4, 1), Answer(RespondentChannel.Link, 5, 2), Answer(RespondentChannel.Link, 2, 2), Answer(RespondentChannel.Link, 4, 3) };

        var results = AssessmentScoring.Score(Asked, answers, AssessmentFilter.All, 3);

        Assert.False(results.Hidden);
        Assert.Equal(4, results.Respondents);
        var trust = Item(results, Ktc, "c2r1");
        Assert.Equal((4, 3.75), (trust.Count, trust.Mean!.Value));
        Assert.Equal([0, 1, 0, 2, 1], trust.Distribution);
        var role = Item(results, Roles, "now");
        Assert.Null(role.Mean);
        Assert.Equal([1, 2, 1, 0], role.Distribution);
        // Nobody answered the wanted role: hidden, not zero.
        Assert.True(Item(results, Roles, "wanted").Hidden);
    }

    [Fact]
    public void Below_the_threshold_nothing_but_the_count_is_shown()
    {
        var answers = new[] { Answer(RespondentChannel.Members, 1, 1, text: "Luottamus"), Answer(RespondentChannel.Members, 5, 1, text: "Kahvi") };

        var results = AssessmentScoring.Score(Asked, answers, AssessmentFilter.All, 3);

        Assert.True(results.Hidden);
        Assert.Equal(2, results.Respondents);
        Assert.All(results.Instruments.SelectMany(i => i.Items), i => Assert.True(i.Hidden && i.Mean is null && i.Distribution.Count == 0 && i.Texts.Count == 0));
    }

    [Fact]
    public void A_threshold_below_three_is_raised_to_three()
    {
        var answers = new[] { Answer(RespondentChannel.Members, 1, 1), Answer(RespondentChannel.Members, 5, 1) };

        var results = AssessmentScoring.Score(Asked, answers, AssessmentFilter.All, 1);

        Assert.Equal(3, results.Threshold);
        Assert.True(results.Hidden);
        Assert.Equal(3, AssessmentScoring.Effective(0));
        Assert.Equal(5, AssessmentScoring.Effective(5));
    }

    [Fact]
    public void A_small_group_reached_by_a_filter_is_hidden_though_the_whole_round_is_shown()
    {
        // Six respondents; only two are locomotives (role 1) and only two answered by link.
        var answers = new[]
        {
            Answer(RespondentChannel.Members, 5, 1), Answer(RespondentChannel.Members, 1, 1), Answer(RespondentChannel.Members, 3, 2),
            Answer(RespondentChannel.Members, 3, 2), Answer(RespondentChannel.Link, 4, 2), Answer(RespondentChannel.Link, 2, 3),
        };

        Assert.False(AssessmentScoring.Score(Asked, answers, AssessmentFilter.All, 3).Hidden);
        var locomotives = AssessmentScoring.Score(Asked, answers, new AssessmentFilter(ItemKey: AnswerSet.Key(Roles.Key, "now"), Value: 1), 3);
        Assert.True(locomotives.Hidden);
        Assert.Equal(2, locomotives.Respondents);
        Assert.Null(Item(locomotives, Ktc, "c2r1").Mean);
        var byLink = AssessmentScoring.Score(Asked, answers, new AssessmentFilter(RespondentChannel.Link), 3);
        Assert.True(byLink.Hidden);
        var members = AssessmentScoring.Score(Asked, answers, new AssessmentFilter(RespondentChannel.Members), 3);
        Assert.False(members.Hidden);
        Assert.Equal(3.0, Item(members, Ktc, "c2r1").Mean);
        // Combining filters narrows further: still hidden.
        Assert.True(AssessmentScoring.Score(Asked, answers, new AssessmentFilter(RespondentChannel.Members, AnswerSet.Key(Roles.Key, "now"), 2), 3).Hidden);
    }

    [Fact]
    public void An_item_answered_by_fewer_than_the_threshold_is_hidden_in_a_shown_group()
    {
        var answers = new[]
        {
            Answer(RespondentChannel.Members, 4, 1, (1, 1, 5, 5), "Hyvä"), Answer(RespondentChannel.Members, 4, 1, (2, 4, 4, 4), "Hyvä myös"),
            Answer(RespondentChannel.Members, 4, 1), Answer(RespondentChannel.Members, 4, 1),
        };

        var results = AssessmentScoring.Score(Asked, answers, AssessmentFilter.All, 3);

        Assert.False(results.Hidden);
        Assert.True(Item(results, Leadership, "now-x").Hidden);
        var leadership = results.Instruments.Single(i => i.Instrument.Key == Leadership.Key);
        Assert.True(leadership.PlacementsHidden);
        Assert.Empty(leadership.Placements);
        Assert.True(Item(results, Open, "works").Hidden);
        Assert.Empty(Item(results, Open, "works").Texts);
    }

    [Fact]
    public void Placements_pair_now_with_wanted_and_say_nothing_of_answer_order()
    {
        var answers = new[]
        {
            Answer(RespondentChannel.Members, 4, 1, (4, 2, 5, 5), "b"), Answer(RespondentChannel.Link, 4, 1, (1, 1, 3, 4), "c"),
            Answer(RespondentChannel.Members, 4, 1, (2, 2, 4, 5), "a"),
        };

        var results = AssessmentScoring.Score(Asked, answers, AssessmentFilter.All, 3);

        var leadership = results.Instruments.Single(i => i.Instrument.Key == Leadership.Key);
        Assert.Equal([new Placement(1, 1, 3, 4), new Placement(2, 2, 4, 5), new Placement(4, 2, 5, 5)], leadership.Placements);
        Assert.Equal(2.33, Item(results, Leadership, "now-x").Mean);
        Assert.Equal(["a", "b", "c"], Item(results, Open, "works").Texts);
    }

    [Fact]
    public void Answers_are_checked_against_the_round_questions()
    {
        static AnswerSet Values(string key, int value)
        {
            var set = new AnswerSet();
            set.Values[key] = value;
            return set;
        }
        Assert.True(AssessmentService.Clean(Asked, Values("knowing-trust-commitment/c1r1", 5)).Succeeded);
        Assert.Equal("ValueInvalid", AssessmentService.Clean(Asked, Values("knowing-trust-commitment/c1r1", 6)).ErrorCode);
        Assert.Equal("ValueInvalid", AssessmentService.Clean(Asked, Values("knowing-trust-commitment/c1r1", 0)).ErrorCode);
        Assert.Equal("ValueInvalid", AssessmentService.Clean(Asked, Values("roles/now", 5)).ErrorCode);
        Assert.Equal("ValueInvalid", AssessmentService.Clean(Asked, Values("nope/c1r1", 3)).ErrorCode);
        Assert.Equal("ValueInvalid", AssessmentService.Clean(Asked, Values("open/works", 3)).ErrorCode);
        var text = new AnswerSet();
        text.Texts["open/works"] = new string('x', AssessmentService.MaxTextAnswer + 1);
        Assert.Equal("TextTooLong", AssessmentService.Clean(Asked, text).ErrorCode);
        text.Texts["open/works"] = "  Kohtaamiset  ";
        Assert.Equal("Kohtaamiset", AssessmentService.Clean(Asked, text).Value!.Texts["open/works"]);
    }
}
