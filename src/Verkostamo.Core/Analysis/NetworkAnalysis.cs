using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Analysis;

/// <summary>One actor's position in the network.</summary>
public sealed record ActorMetrics(string Id, string Name)
{
    public Sector? Sector { get; init; }
    public ParticipationRole? Role { get; init; }
    public int Degree { get; init; }
    public double DegreeCentrality { get; init; }
    public double Betweenness { get; init; }
    public double Closeness { get; init; }

    /// <summary>Null when undefined: a disconnected graph analysed without per-component normalisation.</summary>
    public double? Eigenvector { get; init; }
    public double Clustering { get; init; }
    public int Community { get; init; }
    public int Component { get; init; }
    public bool IsArticulationPoint { get; init; }

    /// <summary>Links of this actor by strength, counted on all links whatever the analysis' strength filter.</summary>
    public int StrongLinks { get; init; }
    public int WeakLinks { get; init; }

    /// <summary>Null when no actor has a sector.</summary>
    public BrokerageCounts? Brokerage { get; init; }
}

/// <summary>Section 4: how many strong and weak links the map has.</summary>
public sealed record StrengthBalance(int Strong, int Weak)
{
    /// <summary>Share of strong links among all; null without links.</summary>
    public double? StrongShare => Strong + Weak == 0 ? null : Strong / (double)(Strong + Weak);
}

/// <summary>
/// Section 3: links across sectors and across levels. A link crosses levels when its two actors share no
/// level; links where either actor has no level marked are left out of that share (unknown, not crossing).
/// </summary>
public sealed record BoundaryMeasures(int Links, int CrossSector, int WithLevels, int CrossLevel)
{
    public double? CrossSectorShare => Links == 0 ? null : CrossSector / (double)Links;
    public double? CrossLevelShare => WithLevels == 0 ? null : CrossLevel / (double)WithLevels;
}

/// <summary>How the eigenvector values were obtained.</summary>
public enum EigenvectorScope
{
    /// <summary>The graph is connected: one leading eigenvector with unit norm.</summary>
    WholeGraph,

    /// <summary>The graph is disconnected and each component was normalised on its own.</summary>
    PerComponent,

    /// <summary>The graph is disconnected (or empty) and no values are reported.</summary>
    Undefined,
}

/// <summary>The analysis of one graph: metrics per actor, the network's figures and the findings told in the workbook's terms.</summary>
public sealed record NetworkAnalysis
{
    public StrengthFilter Strength { get; init; }
    public int Nodes { get; init; }
    public int Edges { get; init; }
    public int DuplicateLinks { get; init; }
    public double Density { get; init; }
    public int Components { get; init; }
    public int Communities { get; init; }

    /// <summary>Modularity of the communities found; null for a graph without links.</summary>
    public double? Modularity { get; init; }
    public EigenvectorScope Eigenvector { get; init; }
    public bool HasSectors { get; init; }
    public IReadOnlyList<ActorMetrics> Actors { get; init; } = [];
    public IReadOnlyList<BridgeLink> Bridges { get; init; } = [];
    public StrengthBalance Balance { get; init; } = new(0, 0);
    public BoundaryMeasures Boundaries { get; init; } = new(0, 0, 0, 0);
    public IReadOnlyList<Insight> Insights { get; init; } = [];
}

/// <summary>A link whose removal would split its part of the network, by the two actors' ids.</summary>
public sealed record BridgeLink(string A, string B);
