using Microsoft.Extensions.Caching.Memory;
using Verkostamo.Core.Common;

namespace Verkostamo.Features.Map.ImportExport;

/// <summary>
/// An uploaded file kept on the server between its preview and the "Tuo" confirmation, so the user never uploads it
/// twice. Held for 15 minutes under a random token that only its own user and network can redeem.
/// </summary>
public sealed class PendingImports(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private sealed record Pending(string UserId, Guid NetworkId, string FileName, byte[] Content);

    public string Keep(string userId, Guid networkId, string fileName, byte[] content)
    {
        var token = SecretTokens.New();
        cache.Set(Key(token), new Pending(userId, networkId, fileName, content),
            new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = content.Length });
        return token;
    }

    /// <summary>The file kept under <paramref name="token"/> for this user and network; null once expired or for anyone else.</summary>
    public (string FileName, byte[] Content)? Find(string? token, string userId, Guid networkId) =>
        SecretTokens.IsPlausible(token) && cache.TryGetValue(Key(token!), out Pending? pending) && pending is not null
            && pending.UserId == userId && pending.NetworkId == networkId
            ? (pending.FileName, pending.Content)
            : null;

    public void Forget(string token) => cache.Remove(Key(token));

    private static string Key(string token) => "map-import:" + SecretTokens.Hash(token);
}
