using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Assessments;

public sealed record RoundInput(string Title, IReadOnlyList<string> InstrumentKeys, DateOnly OpensOn, DateOnly ClosesOn, bool ForMembers, bool ByLink,
    int Threshold = AssessmentScoring.MinimumThreshold);

/// <summary>A round just opened; <see cref="Token"/> is the anonymous link's secret, returned only now.</summary>
public sealed record OpenedRound(Guid Id, string? Token);

public sealed record RoundSummary(Guid Id, string Title, DateOnly OpensOn, DateOnly ClosesOn, bool Closed, bool ForMembers, bool ByLink, int Threshold,
    int Respondents, int Completed, IReadOnlyList<InstrumentDefinition> Instruments);

/// <summary>What an answer page needs: the round's questions and the respondent's answers so far.</summary>
public sealed record AssessmentAnswerForm(Guid RoundId, Guid NetworkId, string NetworkName, string RoundTitle, DateOnly ClosesOn,
    IReadOnlyList<InstrumentDefinition> Instruments, AnswerSet Answers, bool Completed);

public sealed record RoundResults(RoundSummary Round, AssessmentFilter Filter, GroupResults Results);

/// <summary>One item's mean in each compared round (null where not asked or hidden by the threshold).</summary>
public sealed record TrendRow(InstrumentDefinition Instrument, AssessmentItem Item, IReadOnlyList<double?> Means, IReadOnlyList<int> Counts)
{
    /// <summary>The change from the first to the last round that has a mean; null with fewer than two.</summary>
    public double? Change => Means.Where(m => m is not null).ToList() is { Count: >= 2 } shown ? Math.Round(shown[^1]!.Value - shown[0]!.Value, 2) : null;
}

public sealed record RoundTrend(IReadOnlyList<RoundSummary> Rounds, IReadOnlyList<TrendRow> Rows);

/// <summary>
/// Self-assessment rounds on the workbook's frameworks (section 13): facilitators open rounds with chosen
/// instruments; members and, by a secret link, respondents without an account answer once each, editable until
/// the round closes; results and trends are shown only for groups of at least the anonymity threshold.
/// </summary>
public sealed class AssessmentService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const string Scope = "assessments";
    public const int MaxTextAnswer = 2000;
    public const int MaxInstruments = 30;
    public const int MaxItems = 60;
    public const int MaxOptions = 12;
    public const int MaxKeyLength = 40;
    public const int MaxRoundDays = 366;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly TimeZoneInfo Finland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Finland).DateTime);

    // ---- Instruments ---------------------------------------------------------------------------------

    /// <summary>The network's instruments: the template ones (as the network edited them) and its own; null without access.</summary>
    public async Task<IReadOnlyList<InstrumentDefinition>?> ListInstrumentsAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Viewer, ct) is not null ? null : await InstrumentsAsync(db, networkId, ct);
    }

    private static async Task<List<InstrumentDefinition>> InstrumentsAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var own = (await db.AssessmentInstruments.AsNoTracking().Where(i => i.NetworkId == networkId).ToListAsync(ct))
            .Select(i => JsonSerializer.Deserialize<InstrumentDefinition>(i.DefinitionJson, Json)!).ToDictionary(i => i.Key);
        var list = AssessmentTemplate.Instruments.Select(t => own.GetValueOrDefault(t.Key) ?? t).ToList();
        list.AddRange(own.Values.Where(i => AssessmentTemplate.Find(i.Key) is null).OrderBy(i => i.Key, StringComparer.Ordinal));
        return list;
    }

    /// <summary>Saves a facilitator's version of an instrument (a template one edited, or a new one of the network's own).</summary>
    public async Task<ServiceResult> SaveInstrumentAsync(Guid networkId, string userId, InstrumentDefinition instrument, CancellationToken ct = default)
    {
        if (Validate(instrument) is { } invalid)
        {
            return ServiceResult.Fail(invalid);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return ServiceResult.Fail(denied);
        }
        var row = await db.AssessmentInstruments.SingleOrDefaultAsync(i => i.NetworkId == networkId && i.Key == instrument.Key, ct);
        if (row is null)
        {
            if (await db.AssessmentInstruments.CountAsync(i => i.NetworkId == networkId, ct) >= MaxInstruments)
            {
                return ServiceResult.Fail(ErrorCodes.ValueInvalid);
            }
            row = new AssessmentInstrument { Id = Guid.NewGuid(), NetworkId = networkId, Key = instrument.Key };
            db.AssessmentInstruments.Add(row);
        }
        var now = clock.GetUtcNow();
        row.DefinitionJson = JsonSerializer.Serialize(instrument, Json);
        row.UpdatedAt = now;
        row.UpdatedByUserId = userId;
        row.Version = Guid.NewGuid();
        db.Audit(now, networkId, userId, nameof(AssessmentInstrument), row.Id, "Saved", after: new { instrument.Key, Items = instrument.Items.Count }, scope: Scope);
        return await WorkbookStore.SaveAsync(db, ct);
    }

    internal static string? Validate(InstrumentDefinition i)
    {
        static bool KeyOk(string? k) => !string.IsNullOrWhiteSpace(k) && k.Length <= MaxKeyLength && k.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
        static bool TextsOk(IReadOnlyDictionary<string, string>? t, int max) =>
            t is not null && t.Count > 0 && t.Count <= 3 && t.All(p => Accounts.Languages.IsSupported(p.Key) && p.Value is not null && p.Value.Length <= max)
            && t.Values.Any(v => !string.IsNullOrWhiteSpace(v));
        if (!KeyOk(i.Key) || i.Items is null || i.Items.Count is 0 or > MaxItems || !TextsOk(i.Title, TextLimits.Title))
        {
            return ErrorCodes.ValueInvalid;
        }
        if (i.Items.Any(item => !KeyOk(item.Key) || !TextsOk(item.Text, TextLimits.Question)
            || (item.Kind == AssessmentItemKind.Choice ? item.Options is null || item.Options.Count is < 2 or > MaxOptions || item.Options.Any(o => !TextsOk(o, TextLimits.Title)) : item.Options is { Count: > 0 }))
            || i.Items.Select(item => item.Key).Distinct().Count() != i.Items.Count)
        {
            return ErrorCodes.ValueInvalid;
        }
        // The 2×2 is drawn from exactly its four axes; a template instrument keeps its kind.
        var leadershipItems = new[] { "now-x", "now-y", "wanted-x", "wanted-y" };
        if ((i.Kind == InstrumentKind.Leadership && (!i.Items.Select(x => x.Key).Order().SequenceEqual(leadershipItems.Order()) || i.Items.Any(x => x.Kind != AssessmentItemKind.Scale)))
            || (AssessmentTemplate.Find(i.Key) is { } template && template.Kind != i.Kind))
        {
            return ErrorCodes.ValueInvalid;
        }
        return null;
    }

    // ---- Rounds --------------------------------------------------------------------------------------

    public async Task<ServiceResult<OpenedRound>> OpenRoundAsync(Guid networkId, string userId, RoundInput input, CancellationToken ct = default)
    {
        var title = WorkbookStore.CleanText(input.Title, TextLimits.Title, ErrorCodes.TitleRequired);
        if (!title.Succeeded)
        {
            return ServiceResult<OpenedRound>.Fail(title.ErrorCode!);
        }
        if (input.ClosesOn < input.OpensOn)
        {
            return ServiceResult<OpenedRound>.Fail(ErrorCodes.EndBeforeStart);
        }
        if (input.ClosesOn.DayNumber - input.OpensOn.DayNumber > MaxRoundDays)
        {
            return ServiceResult<OpenedRound>.Fail(ErrorCodes.RangeTooLong);
        }
        if (!input.ForMembers && !input.ByLink)
        {
            return ServiceResult<OpenedRound>.Fail(ErrorCodes.ValueInvalid);
        }
        if (input.Threshold is < AssessmentScoring.MinimumThreshold or > AssessmentScoring.MaxThreshold)
        {
            return ServiceResult<OpenedRound>.Fail(ErrorCodes.ValueInvalid);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return ServiceResult<OpenedRound>.Fail(denied);
        }
        var available = await InstrumentsAsync(db, networkId, ct);
        var keys = input.InstrumentKeys.Distinct().ToList();
        var chosen = available.Where(i => keys.Contains(i.Key)).ToList();
        if (chosen.Count == 0 || chosen.Count != keys.Count)
        {
            return ServiceResult<OpenedRound>.Fail(ErrorCodes.ValueInvalid);
        }
        var token = input.ByLink ? SecretTokens.New() : null;
        var now = clock.GetUtcNow();
        var round = new AssessmentRound
        {
            Id = Guid.NewGuid(), NetworkId = networkId, Title = title.Value!, InstrumentsJson = JsonSerializer.Serialize(chosen, Json),
            OpensOn = input.OpensOn, ClosesOn = input.ClosesOn, ForMembers = input.ForMembers, ByLink = input.ByLink,
            LinkTokenHash = token is null ? null : SecretTokens.Hash(token), Threshold = input.Threshold,
            CreatedAt = now, CreatedByUserId = userId, Version = Guid.NewGuid(),
        };
        db.AssessmentRounds.Add(round);
        db.Audit(now, networkId, userId, nameof(AssessmentRound), round.Id, "Opened",
            after: new { round.Title, round.OpensOn, round.ClosesOn, round.ForMembers, round.ByLink, round.Threshold, Instruments = keys }, scope: Scope);
        await db.SaveChangesAsync(ct);
        return ServiceResult<OpenedRound>.Success(new(round.Id, token));
    }

    public async Task<ServiceResult> CloseRoundAsync(Guid networkId, string userId, Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (round, error) = await NetworkRecords.LoadForRoleAsync(db, networkId, userId, NetworkRole.Facilitator,
            db.AssessmentRounds.Where(r => r.Id == roundId && r.NetworkId == networkId), ct);
        if (round is null)
        {
            return ServiceResult.Fail(error!);
        }
        if (round.ClosedAt is null)
        {
            await CloseAsync(db, round, userId, "Closed", ct);
        }
        return await WorkbookStore.SaveAsync(db, ct);
    }

    /// <summary>
    /// Closes for good every round whose closing day has passed (answering already stopped that day), so
    /// that each evaluation keeps the map as it stood, as a round closed by hand does. Run once a day by the
    /// host; returns how many rounds were closed.
    /// </summary>
    public async Task<int> CloseEndedRoundsAsync(CancellationToken ct = default)
    {
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ended = await db.AssessmentRounds
            .Where(r => r.ClosedAt == null && r.ClosesOn < today && db.Networks.Any(n => n.Id == r.NetworkId && n.DeletedAt == null))
            .ToListAsync(ct);
        foreach (var round in ended.OrderBy(r => r.ClosesOn))
        {
            await CloseAsync(db, round, null, "ClosedOnClosingDay", ct);
            // One save per round: a version is a snapshot of its network's map, and a failure keeps the others.
            await db.SaveChangesAsync(ct);
        }
        return ended.Count;
    }

    private async Task CloseAsync(VerkostamoDbContext db, AssessmentRound round, string? userId, string action, CancellationToken ct)
    {
        round.ClosedAt = clock.GetUtcNow();
        round.Version = Guid.NewGuid();
        db.Audit(round.ClosedAt.Value, round.NetworkId, userId, nameof(AssessmentRound), round.Id, action, scope: Scope);
        // An evaluation recorded is a moment to compare the map with later: the map as it stood is kept with it.
        if (await db.Actors.AnyAsync(a => a.NetworkId == round.NetworkId && a.DeletedAt == null, ct))
        {
            await Map.MapVersionService.AddAsync(db, round.NetworkId, userId, round.Title, Map.MapVersionReason.Evaluation, round.ClosedAt.Value, ct);
        }
    }

    /// <summary>The network's rounds, newest first; null without access.</summary>
    public async Task<IReadOnlyList<RoundSummary>?> ListRoundsAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Viewer, ct) is not null)
        {
            return null;
        }
        var rounds = await db.AssessmentRounds.AsNoTracking().Where(r => r.NetworkId == networkId).ToListAsync(ct);
        var counts = await db.AssessmentResponses.Where(r => r.NetworkId == networkId && r.AnswersJson != "{}")
            .GroupBy(r => r.RoundId).Select(g => new { g.Key, All = g.Count(), Done = g.Count(r => r.Completed) }).ToDictionaryAsync(x => x.Key, ct);
        return [.. rounds.OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.CreatedAt)
            .Select(r => Summary(r, counts.GetValueOrDefault(r.Id)?.All ?? 0, counts.GetValueOrDefault(r.Id)?.Done ?? 0))];
    }

    public async Task<RoundSummary?> GetRoundAsync(Guid networkId, string userId, Guid roundId, CancellationToken ct = default) =>
        (await ListRoundsAsync(networkId, userId, ct))?.FirstOrDefault(r => r.Id == roundId);

    private RoundSummary Summary(AssessmentRound r, int respondents, int completed) =>
        new(r.Id, r.Title, r.OpensOn, r.ClosesOn, !IsOpen(r), r.ForMembers, r.ByLink, AssessmentScoring.Effective(r.Threshold), respondents, completed, Instruments(r));

    private bool IsOpen(AssessmentRound r) => r.ClosedAt is null && Today >= r.OpensOn && Today <= r.ClosesOn;

    private static List<InstrumentDefinition> Instruments(AssessmentRound r) => JsonSerializer.Deserialize<List<InstrumentDefinition>>(r.InstrumentsJson, Json) ?? [];

    // ---- Answering -----------------------------------------------------------------------------------

    /// <summary>A member's form for an open round meant for members; NotFound for other networks, RoundClosed when it no longer takes answers.</summary>
    public async Task<ServiceResult<AssessmentAnswerForm>> OpenForMemberAsync(Guid networkId, string userId, Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (round, error) = await MemberRoundAsync(db, networkId, userId, roundId, ct);
        if (round is null)
        {
            return ServiceResult<AssessmentAnswerForm>.Fail(error!);
        }
        var response = await db.AssessmentResponses.AsNoTracking().SingleOrDefaultAsync(r => r.RoundId == roundId && r.UserId == userId, ct);
        return ServiceResult<AssessmentAnswerForm>.Success(await FormAsync(db, round, response, ct));
    }

    public async Task<ServiceResult> SaveForMemberAsync(Guid networkId, string userId, Guid roundId, AnswerSet answers, bool complete, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (round, error) = await MemberRoundAsync(db, networkId, userId, roundId, ct);
        return round is null ? ServiceResult.Fail(error!) : await StoreAsync(db, round, r => r.UserId == userId, r => r.UserId = userId, answers, complete, ct);
    }

    /// <summary>The form behind a round's anonymous link; InvitationInvalid for an unknown, tampered or closed link.</summary>
    public async Task<ServiceResult<AssessmentAnswerForm>> OpenByLinkAsync(string? token, string? respondentKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (round, error) = await LinkRoundAsync(db, token, ct);
        if (round is null)
        {
            return ServiceResult<AssessmentAnswerForm>.Fail(error!);
        }
        AssessmentResponse? response = null;
        if (SecretTokens.IsPlausible(respondentKey))
        {
            var hash = SecretTokens.Hash(respondentKey!);
            response = await db.AssessmentResponses.AsNoTracking().SingleOrDefaultAsync(r => r.RoundId == round.Id && r.RespondentHash == hash, ct);
        }
        return ServiceResult<AssessmentAnswerForm>.Success(await FormAsync(db, round, response, ct));
    }

    /// <summary>
    /// Saves an anonymous respondent's answers. <paramref name="respondentKey"/> is the random key their browser keeps
    /// (made by the caller on the first save); only its hash is stored, and nothing ties it to a person.
    /// </summary>
    public async Task<ServiceResult> SaveByLinkAsync(string? token, string respondentKey, AnswerSet answers, bool complete, CancellationToken ct = default)
    {
        if (!SecretTokens.IsPlausible(respondentKey))
        {
            return ServiceResult.Fail(ErrorCodes.InvitationInvalid);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (round, error) = await LinkRoundAsync(db, token, ct);
        if (round is null)
        {
            return ServiceResult.Fail(error!);
        }
        var hash = SecretTokens.Hash(respondentKey);
        return await StoreAsync(db, round, r => r.RespondentHash == hash, r => r.RespondentHash = hash, answers, complete, ct);
    }

    private async Task<(AssessmentRound? Round, string? Error)> MemberRoundAsync(VerkostamoDbContext db, Guid networkId, string userId, Guid roundId, CancellationToken ct)
    {
        var (round, error) = await NetworkRecords.LoadForRoleAsync(db, networkId, userId, NetworkRole.Member,
            db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId && r.NetworkId == networkId), ct);
        if (round is null)
        {
            return (null, error);
        }
        if (!round.ForMembers)
        {
            return (null, ErrorCodes.Forbidden);
        }
        return IsOpen(round) ? (round, null) : (null, ErrorCodes.RoundClosed);
    }

    private async Task<(AssessmentRound? Round, string? Error)> LinkRoundAsync(VerkostamoDbContext db, string? token, CancellationToken ct)
    {
        if (!SecretTokens.IsPlausible(token))
        {
            return (null, ErrorCodes.InvitationInvalid);
        }
        var hash = SecretTokens.Hash(token!);
        var round = await db.AssessmentRounds.AsNoTracking().SingleOrDefaultAsync(r => r.LinkTokenHash == hash && r.ByLink, ct);
        if (round is null || !await db.Networks.AnyAsync(n => n.Id == round.NetworkId && n.DeletedAt == null, ct))
        {
            return (null, ErrorCodes.InvitationInvalid);
        }
        return IsOpen(round) ? (round, null) : (null, ErrorCodes.RoundClosed);
    }

    private static async Task<AssessmentAnswerForm> FormAsync(VerkostamoDbContext db, AssessmentRound round, AssessmentResponse? response, CancellationToken ct)
    {
        var networkName = await db.Networks.Where(n => n.Id == round.NetworkId).Select(n => n.Name).SingleAsync(ct);
        var answers = response is null ? new AnswerSet() : JsonSerializer.Deserialize<AnswerSet>(response.AnswersJson, Json) ?? new AnswerSet();
        return new(round.Id, round.NetworkId, networkName, round.Title, round.ClosesOn, Instruments(round), answers, response?.Completed ?? false);
    }

    /// <summary>Checks every answer against the round's own questions: known items only, values in range, texts within the cap.</summary>
    public static ServiceResult<AnswerSet> Clean(IReadOnlyList<InstrumentDefinition> instruments, AnswerSet answers)
    {
        var items = instruments.SelectMany(i => i.Items.Select(item => (Key: AnswerSet.Key(i.Key, item.Key), Item: item))).ToDictionary(x => x.Key, x => x.Item);
        var clean = new AnswerSet();
        foreach (var (key, value) in answers.Values)
        {
            if (!items.TryGetValue(key, out var item) || item.Kind == AssessmentItemKind.Text || value < 1 || value > item.MaxValue)
            {
                return ServiceResult<AnswerSet>.Fail(ErrorCodes.ValueInvalid);
            }
            clean.Values[key] = value;
        }
        foreach (var (key, value) in answers.Texts)
        {
            if (!items.TryGetValue(key, out var item) || item.Kind != AssessmentItemKind.Text)
            {
                return ServiceResult<AnswerSet>.Fail(ErrorCodes.ValueInvalid);
            }
            var text = (value ?? "").Trim().ReplaceLineEndings("\n");
            if (text.Length > MaxTextAnswer)
            {
                return ServiceResult<AnswerSet>.Fail(ErrorCodes.TextTooLong);
            }
            if (text.Length > 0)
            {
                clean.Texts[key] = text;
            }
        }
        return ServiceResult<AnswerSet>.Success(clean);
    }

    private async Task<ServiceResult> StoreAsync(VerkostamoDbContext db, AssessmentRound round, System.Linq.Expressions.Expression<Func<AssessmentResponse, bool>> mine,
        Action<AssessmentResponse> identify, AnswerSet answers, bool complete, CancellationToken ct)
    {
        var clean = Clean(Instruments(round), answers);
        if (!clean.Succeeded)
        {
            return ServiceResult.Fail(clean.ErrorCode!);
        }
        var now = clock.GetUtcNow();
        var response = await db.AssessmentResponses.Where(r => r.RoundId == round.Id).SingleOrDefaultAsync(mine, ct);
        if (response is null)
        {
            response = new AssessmentResponse { Id = Guid.NewGuid(), RoundId = round.Id, NetworkId = round.NetworkId, StartedAt = now };
            identify(response);
            db.AssessmentResponses.Add(response);
        }
        response.AnswersJson = JsonSerializer.Serialize(clean.Value, Json);
        response.Completed = complete;
        response.UpdatedAt = now;
        response.Version = Guid.NewGuid();
        try
        {
            // A double submit that races the first insert hits the unique respondent index: one answer is kept.
            return await WorkbookStore.SaveAsync(db, ct);
        }
        catch (DbUpdateException)
        {
            return ServiceResult.Fail(ErrorCodes.ConcurrencyConflict);
        }
    }

    // ---- Results -------------------------------------------------------------------------------------

    /// <summary>A round's results for everyone or a subgroup, with the threshold applied; null without access or for another network's round.</summary>
    public async Task<RoundResults?> ResultsAsync(Guid networkId, string userId, Guid roundId, AssessmentFilter? filter = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Viewer, ct) is not null)
        {
            return null;
        }
        var round = await db.AssessmentRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId && r.NetworkId == networkId, ct);
        if (round is null)
        {
            return null;
        }
        return await ScoreAsync(db, round, filter ?? AssessmentFilter.All, ct);
    }

    /// <summary>
    /// Everyone's results of the network's newest rounds that have answers, newest first, with the threshold applied. For a
    /// caller that has already checked the reader's access (the exports, which also serve the instance's administrator).
    /// </summary>
    public async Task<IReadOnlyList<RoundResults>> LatestResultsAsync(Guid networkId, int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answered = await db.AssessmentResponses.Where(r => r.NetworkId == networkId && r.AnswersJson != "{}").Select(r => r.RoundId).Distinct().ToListAsync(ct);
        var rounds = (await db.AssessmentRounds.AsNoTracking().Where(r => r.NetworkId == networkId && answered.Contains(r.Id)).ToListAsync(ct))
            .OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.CreatedAt);
        var results = new List<RoundResults>();
        foreach (var round in rounds)
        {
            // A response saved with every answer cleared is stored but answers nothing.
            if (results.Count < count && await ScoreAsync(db, round, AssessmentFilter.All, ct) is { Round.Respondents: > 0 } scored)
            {
                results.Add(scored);
            }
        }
        return results;
    }

    private async Task<RoundResults> ScoreAsync(VerkostamoDbContext db, AssessmentRound round, AssessmentFilter filter, CancellationToken ct)
    {
        var answers = await AnswersAsync(db, round.Id, ct);
        return new(Summary(round, answers.Count(a => !a.Answers.IsEmpty), await db.AssessmentResponses.CountAsync(r => r.RoundId == round.Id && r.Completed, ct)),
            filter, AssessmentScoring.Score(Instruments(round), answers, filter, round.Threshold));
    }

    private static async Task<List<ScoredAnswer>> AnswersAsync(VerkostamoDbContext db, Guid roundId, CancellationToken ct) =>
        [.. (await db.AssessmentResponses.AsNoTracking().Where(r => r.RoundId == roundId).Select(r => new { r.UserId, r.AnswersJson }).ToListAsync(ct))
            .Select(r => new ScoredAnswer(r.UserId is null ? RespondentChannel.Link : RespondentChannel.Members,
                JsonSerializer.Deserialize<AnswerSet>(r.AnswersJson, Json) ?? new AnswerSet()))];

    /// <summary>Every scale item's mean across the network's rounds, oldest first, each with the threshold applied.</summary>
    public async Task<RoundTrend?> TrendAsync(Guid networkId, string userId, AssessmentFilter? filter = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Viewer, ct) is not null)
        {
            return null;
        }
        var rounds = (await db.AssessmentRounds.AsNoTracking().Where(r => r.NetworkId == networkId).ToListAsync(ct))
            .OrderBy(r => r.OpensOn).ThenBy(r => r.CreatedAt).ToList();
        var scored = new List<(RoundSummary Round, GroupResults Results)>();
        foreach (var round in rounds)
        {
            var answers = await AnswersAsync(db, round.Id, ct);
            var results = AssessmentScoring.Score(Instruments(round), answers, filter ?? AssessmentFilter.All, round.Threshold);
            scored.Add((Summary(round, answers.Count(a => !a.Answers.IsEmpty), 0), results));
        }
        // Rows follow the newest round's wording, then items only older rounds asked.
        var rows = new List<TrendRow>();
        var seen = new HashSet<string>();
        foreach (var (_, results) in Enumerable.Reverse(scored))
        {
            foreach (var instrument in results.Instruments)
            {
                foreach (var item in instrument.Instrument.Items.Where(i => i.Kind == AssessmentItemKind.Scale))
                {
                    var key = AnswerSet.Key(instrument.Instrument.Key, item.Key);
                    if (!seen.Add(key))
                    {
                        continue;
                    }
                    var per = scored.Select(s => s.Results.Instruments.FirstOrDefault(i => i.Instrument.Key == instrument.Instrument.Key)?.Items
                        .FirstOrDefault(i => i.ItemKey == item.Key)).ToList();
                    rows.Add(new(instrument.Instrument, item, [.. per.Select(p => p?.Mean)], [.. per.Select(p => p?.Count ?? 0)]));
                }
            }
        }
        return new([.. scored.Select(s => s.Round)], rows);
    }
}
