using Verkostamo.Core.Assessments;
using Verkostamo.Infrastructure;

namespace Verkostamo.Features.Assessments;

/// <summary>
/// Closes for good, once a day, the assessment rounds whose closing day has passed, so that every evaluation
/// keeps the map as it stood even when nobody closed the round by hand.
/// </summary>
public sealed class EndedRoundsService(AssessmentService assessments, TimeProvider clock, ILogger<EndedRoundsService> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    public override Task<int> RunOnceAsync(CancellationToken ct = default) => assessments.CloseEndedRoundsAsync(ct);
}
