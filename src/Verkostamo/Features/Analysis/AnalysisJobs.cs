using System.Collections.Concurrent;
using Verkostamo.Core.Analysis;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map;

namespace Verkostamo.Features.Analysis;

/// <summary>Where an analysis stands: done (with the result), running (with a percentage), or failed (an error code).</summary>
public sealed record AnalysisRun(NetworkAnalysis? Result, int? Percent, string? ErrorCode)
{
    public bool Running => Percent is not null;

    public static AnalysisRun Done(NetworkAnalysis result) => new(result, null, null);
    public static AnalysisRun Failed(string code) => new(null, null, code);
}

/// <summary>
/// Runs analyses of large maps off the request path: one job per network, version, links and map content,
/// with its progress, cancellable, and its result kept briefly so the page that polls for it finds it.
/// Small maps are analysed at once; in memory only, since a restart simply starts the analysis again.
/// </summary>
public sealed class AnalysisJobs(AnalysisService analyses, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>How long a finished result is kept for the page to pick up.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<JobKey, Job> jobs = new();

    public AnalysisService Analyses => analyses;

    public AnalysisLimits Limits => analyses.Limits;

    /// <summary>Maps with at least this many actors are analysed in the background (Verkostamo:Analysis:BackgroundFrom).</summary>
    public int BackgroundFrom => configuration.GetValue("Verkostamo:Analysis:BackgroundFrom", 3000);

    public async Task<AnalysisRun> RunAsync(Guid networkId, string userId, string version, StrengthFilter strength, CancellationToken ct = default)
    {
        var map = await analyses.LoadAsync(networkId, userId, version, ct);
        if (map is null)
        {
            return AnalysisRun.Failed(ErrorCodes.NotFound);
        }
        if (map.Actors.Count < BackgroundFrom)
        {
            var result = analyses.Analyze(map, strength, null, ct);
            return result.Succeeded ? AnalysisRun.Done(result.Value!) : AnalysisRun.Failed(result.ErrorCode!);
        }
        Sweep();
        var key = new JobKey(networkId, version.ToLowerInvariant(), strength, Fingerprint(map));
        var job = jobs.GetOrAdd(key, _ => Job.Start(analyses, map, strength, clock));
        return job.State;
    }

    /// <summary>Cancels the running analyses of a network's version and links; true when there was one.</summary>
    public bool Cancel(Guid networkId, string version, StrengthFilter strength)
    {
        var cancelled = false;
        foreach (var (key, job) in jobs)
        {
            if (key.NetworkId == networkId && string.Equals(key.Version, version, StringComparison.OrdinalIgnoreCase) && key.Strength == strength && job.State.Running)
            {
                job.Cancel();
                jobs.TryRemove(key, out _);
                cancelled = true;
            }
        }
        return cancelled;
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, job) in jobs)
        {
            if (job.FinishedAt is { } at && now - at > KeepFor)
            {
                jobs.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The map's content in one number, so an edit starts a new analysis rather than reusing an old one.</summary>
    private static int Fingerprint(MapDocument map)
    {
        var hash = new HashCode();
        foreach (var a in map.Actors)
        {
            hash.Add(a.Key);
            hash.Add(a.Sector);
            hash.Add(a.Levels);
            hash.Add(a.RoleNow);
            hash.Add(a.Name);
        }
        foreach (var l in map.Links)
        {
            hash.Add(l.SourceKey);
            hash.Add(l.TargetKey);
            hash.Add(l.Strength);
        }
        return hash.ToHashCode();
    }

    private sealed record JobKey(Guid NetworkId, string Version, StrengthFilter Strength, int Fingerprint);

    private sealed class Job
    {
        private volatile int percent;
        private volatile bool finished;
        private Action cancel = () => { };
        private volatile AnalysisRun? outcome;

        public DateTimeOffset? FinishedAt { get; set; }

        public AnalysisRun State => outcome ?? new AnalysisRun(null, percent, null);

        public static Job Start(AnalysisService analyses, MapDocument map, StrengthFilter strength, TimeProvider clock)
        {
            var job = new Job();
            var progress = new Progress(job);
            var cancellation = new CancellationTokenSource();
            job.cancel = () =>
            {
                // The source is disposed once the analysis ends; after that there is nothing left to stop.
                lock (job)
                {
                    if (!job.finished)
                    {
                        cancellation.Cancel();
                    }
                }
            };
            _ = Task.Run(() =>
            {
                try
                {
                    var result = analyses.Analyze(map, strength, progress, cancellation.Token);
                    job.outcome = result.Succeeded ? AnalysisRun.Done(result.Value!) : AnalysisRun.Failed(result.ErrorCode!);
                }
                catch (OperationCanceledException)
                {
                    job.outcome = AnalysisRun.Failed(AnalysisErrors.Cancelled);
                }
                finally
                {
                    job.FinishedAt = clock.GetUtcNow();
                    lock (job)
                    {
                        job.finished = true;
                        cancellation.Dispose();
                    }
                }
            });
            return job;
        }

        public void Cancel() => cancel();

        /// <summary>Reports straight into the job; <see cref="Progress{T}"/> would post to a thread pool needlessly.</summary>
        private sealed class Progress(Job job) : IProgress<int>
        {
            public void Report(int value) => job.percent = Math.Min(99, value);
        }
    }
}

public static class AnalysisErrors
{
    public const string Cancelled = "AnalysisCancelled";
}
