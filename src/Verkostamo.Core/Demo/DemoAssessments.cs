using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Assessments;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Demo;

/// <summary>
/// Two self-assessment rounds a year apart with twelve respondents each, members and anonymous ones. The change is
/// one a facilitator would bring to the next workshop: trust has grown a lot, commitment has slipped, and the
/// network sees itself moving from a hierarchically led towards a jointly led strategic network.
/// </summary>
internal static class DemoAssessments
{
    private static readonly string[] InstrumentKeys = [AssessmentTemplate.Leadership, "knowing-trust-commitment", "development-cycle", AssessmentTemplate.Roles, AssessmentTemplate.Open];

    // Small deviations around each round's typical answer; their sum over twelve respondents is one, so means stay near the typical value.
    private static readonly int[] Jitter = [-1, 0, 1, 0, -1, 1, 0, 0, 1, -1, 0, 1];

    private sealed record RoundPlan(string Title, int DaysAgo, int Knowing, int Trust, int Commitment, int NowX, int NowY, int Phase, string[] Works, string[] Develop);

    private static readonly RoundPlan[] Plans =
    [
        new("Itsearviointi – ensimmäinen vuosi", 365, 3, 2, 4, 2, 4, 1,
            ["Innostus ja halu tehdä yhdessä", "Ohjausryhmä pitää langat käsissä", "Uudet ihmiset ovat mukana"],
            ["Emme vielä tunne toistemme työtä", "Luottamus rakentuu hitaasti, puhumme varovasti", "Tiedonkulku foorumien välillä"]),
        new("Itsearviointi – toinen vuosi", 0, 3, 4, 3, 3, 4, 3,
            ["Voimme puhua suoraan myös vaikeista asioista", "Yhteiset asiakastapaukset ovat tuoneet meidät lähelle", "Foorumit ovat avoimia ja hyviä"],
            ["Lupausten pitäminen, moni on ylikuormittunut", "Sitoutuminen hiipuu, kun hankerahoitus päättyy", "Vastuut pitäisi jakaa tasaisemmin"]),
    ];

    public static async Task<bool> SeedAsync(VerkostamoDbContext db, Guid networkId, string facilitatorId, IReadOnlyList<string> memberIds, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (await db.AssessmentRounds.AnyAsync(r => r.NetworkId == networkId, ct) || !await db.Networks.AnyAsync(n => n.Id == networkId && n.DeletedAt == null, ct))
        {
            return false;
        }
        var instruments = InstrumentKeys.Select(k => AssessmentTemplate.Find(k)!).ToList();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var plan in Plans)
        {
            var opened = now.AddDays(-plan.DaysAgo - 14);
            var round = new AssessmentRound
            {
                Id = Guid.NewGuid(), NetworkId = networkId, Title = plan.Title, InstrumentsJson = JsonSerializer.Serialize(instruments, AssessmentService.Json),
                OpensOn = today.AddDays(-plan.DaysAgo - 14), ClosesOn = today.AddDays(-plan.DaysAgo - 1), ClosedAt = now.AddDays(-plan.DaysAgo - 1),
                ForMembers = true, ByLink = true, LinkTokenHash = SecretTokens.Hash(SecretTokens.New()), Threshold = AssessmentScoring.MinimumThreshold,
                CreatedAt = opened, CreatedByUserId = facilitatorId, Version = Guid.NewGuid(),
            };
            db.AssessmentRounds.Add(round);
            for (var i = 0; i < 12; i++)
            {
                var member = i < memberIds.Count ? memberIds[i] : null;
                db.AssessmentResponses.Add(new AssessmentResponse
                {
                    Id = Guid.NewGuid(), RoundId = round.Id, NetworkId = networkId, UserId = member,
                    RespondentHash = member is null ? SecretTokens.Hash(SecretTokens.New()) : null,
                    AnswersJson = JsonSerializer.Serialize(Answers(plan, i), AssessmentService.Json), Completed = true,
                    StartedAt = opened.AddHours(i * 7), UpdatedAt = opened.AddHours(i * 7 + 1), Version = Guid.NewGuid(),
                });
            }
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static AnswerSet Answers(RoundPlan plan, int i)
    {
        static int V(int typical, int i, int item) => Math.Clamp(typical + Jitter[(i + item * 5) % Jitter.Length], 1, 5);
        var set = new AnswerSet();
        for (var row = 1; row <= 4; row++)
        {
            set.Values[$"knowing-trust-commitment/c1r{row}"] = V(plan.Knowing, i, row);
            set.Values[$"knowing-trust-commitment/c2r{row}"] = V(plan.Trust, i, row + 4);
            set.Values[$"knowing-trust-commitment/c3r{row}"] = V(plan.Commitment, i, row + 8);
            set.Values[$"development-cycle/phase-{row}"] = V(row <= plan.Phase ? 4 : 2, i, row + 12);
        }
        set.Values["development-cycle/phase"] = Math.Clamp(plan.Phase + (i % 3 == 0 ? 1 : 0), 1, 4);
        set.Values["leadership/now-x"] = V(plan.NowX, i, 17);
        set.Values["leadership/now-y"] = V(plan.NowY, i, 18);
        set.Values["leadership/wanted-x"] = V(4, i, 19);
        set.Values["leadership/wanted-y"] = V(4, i, 20);
        set.Values["roles/now"] = i % 4 + 1;
        set.Values["roles/wanted"] = Math.Max(1, i % 4);
        if (i < plan.Works.Length)
        {
            set.Texts["open/works"] = plan.Works[i];
        }
        if (i >= 12 - plan.Develop.Length)
        {
            set.Texts["open/develop"] = plan.Develop[12 - 1 - i];
        }
        return set;
    }
}
