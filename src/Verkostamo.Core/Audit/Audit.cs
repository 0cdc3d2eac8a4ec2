using System.Text.Json;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Audit;

public static class AuditExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an audit entry to the same unit of work as the change it describes.</summary>
    public static void Audit(this VerkostamoDbContext db, DateTimeOffset at, Guid? networkId, string? userId,
        string entity, object entityId, string action, object? before = null, object? after = null, string? scope = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            NetworkId = networkId,
            UserId = userId,
            At = at,
            Entity = entity,
            EntityId = entityId.ToString() ?? "",
            Action = action,
            Scope = scope,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
    }
}
