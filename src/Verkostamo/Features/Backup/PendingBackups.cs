using Verkostamo.Core.Common;

namespace Verkostamo.Features.Backup;

/// <summary>
/// An uploaded backup kept on disk between its preview and the confirmation, so a large file is uploaded once and
/// never held in memory. The file's name is the hash of its user and a random token, so only that user can redeem it;
/// files older than <see cref="Lifetime"/> are removed whenever a new one is kept.
/// </summary>
public sealed class PendingBackups
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "verkostamo-pending-backups");

    public async Task<string> KeepAsync(string userId, Stream content, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.GetFiles(folder).Where(f => File.GetLastWriteTimeUtc(f) < DateTime.UtcNow - Lifetime))
        {
            File.Delete(old);
        }
        var token = SecretTokens.New();
        await using var file = File.Create(PathOf(userId, token));
        var buffer = new byte[81920];
        long total = 0;
        int read;
        // The reader checks the limit again; stopping here too keeps an oversized upload off the disk.
        while ((read = await content.ReadAsync(buffer, ct)) > 0 && (total += read) <= maxBytes + 1)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return token;
    }

    /// <summary>The kept file for this user, or null once removed, expired or for anyone else.</summary>
    public Stream? Open(string? token, string userId)
    {
        if (!SecretTokens.IsPlausible(token))
        {
            return null;
        }
        var path = PathOf(userId, token!);
        return File.Exists(path) && File.GetLastWriteTimeUtc(path) >= DateTime.UtcNow - Lifetime ? File.OpenRead(path) : null;
    }

    public void Forget(string? token, string userId)
    {
        if (SecretTokens.IsPlausible(token))
        {
            File.Delete(PathOf(userId, token!));
        }
    }

    private string PathOf(string userId, string token) => Path.Combine(folder, SecretTokens.Hash(userId + ":" + token) + ".backup");
}
