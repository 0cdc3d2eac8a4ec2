using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Map;

public enum MapLayout
{
    Force,
    ConcentricByRole,
    GroupedBySector,
    SectorLevelGrid,
    Preset,
}

public enum MapStyleBy
{
    Sector,
    Role,
    Level,
    Kind,

    /// <summary>The Louvain community the analysis puts the actor in (colour only).</summary>
    Community,
}

/// <summary>Which analysis metric sizes the actors on the map; None draws them all the same size.</summary>
public enum MapSizeBy
{
    None,
    Degree,
    Betweenness,
    Closeness,
    Eigenvector,
}

/// <summary>How a saved view draws the map: layout, styling, filters and the viewport.</summary>
public sealed record MapViewSettings
{
    public MapLayout Layout { get; init; } = MapLayout.Force;
    public MapStyleBy ColourBy { get; init; } = MapStyleBy.Sector;
    public MapStyleBy ShapeBy { get; init; } = MapStyleBy.Kind;
    public MapSizeBy SizeBy { get; init; } = MapSizeBy.None;

    /// <summary>Only actors in these sectors (all when empty).</summary>
    public IReadOnlyList<Sector> Sectors { get; init; } = [];

    /// <summary>Only actors whose role now is one of these (all when empty).</summary>
    public IReadOnlyList<ParticipationRole> Roles { get; init; } = [];

    /// <summary>Only actors working on one of these levels (all when None).</summary>
    public Level Levels { get; init; }

    /// <summary>Only links of this strength (all when null).</summary>
    public LinkStrength? Strength { get; init; }

    /// <summary>Only actors with one of these tags (all when empty).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public double? Zoom { get; init; }
    public double? PanX { get; init; }
    public double? PanY { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MapViewSettings FromJson(string? json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<MapViewSettings>(json, Json) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }
}

public sealed record MapPosition(double X, double Y);

public sealed record MapViewInput(string? Name, MapViewSettings Settings, IReadOnlyDictionary<Guid, MapPosition>? Positions);

public sealed record MapViewDetails(Guid Id, string Name, int Order, MapViewSettings Settings, IReadOnlyDictionary<Guid, MapPosition> Positions,
    Guid Version, DateTimeOffset UpdatedAt);

/// <summary>Saved views of the map: several per network, each with its own positions, filters and styling.</summary>
public sealed class MapViewService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxViews = 50;
    public const int MaxPositions = 20_000;
    private const double MaxCoordinate = 1e7;

    public async Task<IReadOnlyList<MapViewDetails>?> ListAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var views = await db.MapViews.AsNoTracking().Where(v => v.NetworkId == networkId).OrderBy(v => v.Order).ThenBy(v => v.CreatedAt).ToListAsync(ct);
        return [.. views.Select(ToDetails)];
    }

    public async Task<MapViewDetails?> GetAsync(Guid networkId, string userId, Guid viewId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var view = await db.MapViews.AsNoTracking().SingleOrDefaultAsync(v => v.Id == viewId && v.NetworkId == networkId, ct);
        return view is null ? null : ToDetails(view);
    }

    public static ServiceResult<MapViewInput> Validate(MapViewInput input)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return ServiceResult<MapViewInput>.Fail(ErrorCodes.NameRequired);
        }
        if (name.Length > TextLimits.Title)
        {
            return ServiceResult<MapViewInput>.Fail(ErrorCodes.NameTooLong);
        }
        var s = input.Settings;
        if (!Enum.IsDefined(s.Layout) || !Enum.IsDefined(s.ColourBy) || !Enum.IsDefined(s.ShapeBy) || s.ShapeBy == MapStyleBy.Community
            || !Enum.IsDefined(s.SizeBy)
            || s.Sectors.Any(x => !Enum.IsDefined(x)) || s.Roles.Any(x => !Enum.IsDefined(x))
            || (s.Levels & ~MapVocabulary.AllLevels) != 0 || (s.Strength is { } strength && !Enum.IsDefined(strength))
            || !Finite(s.Zoom) || !Finite(s.PanX) || !Finite(s.PanY) || s.Zoom is <= 0 or > 100)
        {
            return ServiceResult<MapViewInput>.Fail(ErrorCodes.ValueInvalid);
        }
        var tags = ActorService.CleanTags(s.Tags);
        if (tags is null)
        {
            return ServiceResult<MapViewInput>.Fail(ErrorCodes.TagInvalid);
        }
        var positions = input.Positions ?? new Dictionary<Guid, MapPosition>();
        if (positions.Count > MaxPositions || positions.Values.Any(p => !Finite(p.X) || !Finite(p.Y)))
        {
            return ServiceResult<MapViewInput>.Fail(ErrorCodes.ValueInvalid);
        }
        return ServiceResult<MapViewInput>.Success(new(name, s with { Tags = tags, Sectors = [.. s.Sectors.Distinct()], Roles = [.. s.Roles.Distinct()] }, positions));
    }

    private static bool Finite(double? value) => value is not { } v || (double.IsFinite(v) && Math.Abs(v) <= MaxCoordinate);

    public async Task<ServiceResult<Guid>> CreateAsync(Guid networkId, string userId, MapViewInput input, CancellationToken ct = default)
    {
        var clean = Validate(input);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        var orders = await db.MapViews.Where(v => v.NetworkId == networkId).Select(v => v.Order).ToListAsync(ct);
        if (orders.Count >= MaxViews)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.SectionLimit);
        }
        var now = clock.GetUtcNow();
        var view = new MapView
        {
            Id = Guid.NewGuid(),
            NetworkId = networkId,
            Order = orders.Count == 0 ? 0 : orders.Max() + 1,
            CreatedAt = now,
            CreatedByUserId = userId,
        };
        Apply(view, clean.Value!, userId, now);
        db.MapViews.Add(view);
        db.Audit(now, networkId, userId, nameof(MapView), view.Id, "Created", after: new { view.Name }, scope: ActorService.Scope);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(view.Id);
    }

    public async Task<ServiceResult<Guid>> UpdateAsync(Guid networkId, string userId, Guid viewId, MapViewInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var clean = Validate(input);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (view, error) = await LoadAsync(db, networkId, userId, viewId, ct);
        if (view is null)
        {
            return ServiceResult<Guid>.Fail(error!);
        }
        if (view.Version != expectedVersion)
        {
            return WorkbookStore.Conflict(view.Version);
        }
        var before = new { view.Name };
        Apply(view, clean.Value!, userId, clock.GetUtcNow());
        db.Audit(view.UpdatedAt, networkId, userId, nameof(MapView), viewId, "Updated", before, new { view.Name }, ActorService.Scope);
        return await WorkbookStore.SaveBlockAsync(db, view, nameof(MapView.Version), ct);
    }

    public async Task<ServiceResult> DeleteAsync(Guid networkId, string userId, Guid viewId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (view, error) = await LoadAsync(db, networkId, userId, viewId, ct);
        if (view is null)
        {
            return ServiceResult.Fail(error!);
        }
        db.MapViews.Remove(view);
        db.Audit(clock.GetUtcNow(), networkId, userId, nameof(MapView), viewId, "Deleted", before: new { view.Name, view.SettingsJson }, scope: ActorService.Scope);
        return await WorkbookStore.SaveAsync(db, ct);
    }

    private static async Task<(MapView? View, string? Error)> LoadAsync(VerkostamoDbContext db, Guid networkId, string userId, Guid viewId, CancellationToken ct)
    {
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        var view = await db.MapViews.SingleOrDefaultAsync(v => v.Id == viewId && v.NetworkId == networkId, ct);
        if (role is null || view is null)
        {
            return (null, ErrorCodes.NotFound);
        }
        return role < NetworkRole.Member ? (null, ErrorCodes.Forbidden) : (view, null);
    }

    private static void Apply(MapView view, MapViewInput clean, string userId, DateTimeOffset now)
    {
        view.Name = clean.Name!;
        view.SettingsJson = clean.Settings.ToJson();
        view.PositionsJson = JsonSerializer.Serialize(clean.Positions, MapViewSettings.Json);
        view.Version = Guid.NewGuid();
        view.UpdatedAt = now;
        view.UpdatedByUserId = userId;
    }

    internal static MapViewDetails ToDetails(MapView v)
    {
        Dictionary<Guid, MapPosition> positions;
        try
        {
            positions = JsonSerializer.Deserialize<Dictionary<Guid, MapPosition>>(v.PositionsJson, MapViewSettings.Json) ?? [];
        }
        catch (JsonException)
        {
            positions = [];
        }
        return new(v.Id, v.Name, v.Order, MapViewSettings.FromJson(v.SettingsJson), positions, v.Version, v.UpdatedAt);
    }
}
