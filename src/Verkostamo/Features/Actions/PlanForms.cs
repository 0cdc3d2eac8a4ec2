using Verkostamo.Core.Actions;

namespace Verkostamo.Features.Actions;

/// <summary>
/// The plan's row commands: "status:{id}" applies the status chosen in that row's select, "{Statuses[id]}",
/// against the version "{Versions[id]}" the page showed.
/// </summary>
public sealed class PlanCommandForm
{
    public string? Command { get; set; }
    public Dictionary<Guid, ActionStatus> Statuses { get; set; } = [];
    public Dictionary<Guid, Guid> Versions { get; set; } = [];
}

public static class PlanLinks
{
    public static string Action(Guid networkId, Guid actionId) => $"/networks/{networkId}/plan/{actionId}";

    /// <summary>The step where it was written: its section's or theme's steps block.</summary>
    public static string Source(PlanItem item) =>
        item.Section is { } s ? $"/networks/{item.NetworkId}/workbook/{s.Key}#step-{item.Action.Id}"
        : item.Theme is { } t ? $"/networks/{item.NetworkId}/themes/{t.Id}#step-{item.Action.Id}"
        : $"/networks/{item.NetworkId}/plan";
}

public sealed class StatusForm
{
    public ActionStatus Status { get; set; }
    public Guid Version { get; set; }
}
