using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Verkostamo.Core.Backup;

/// <summary>Limits on a backup file given for import (configuration section <c>Backup:Import</c>).</summary>
public sealed class BackupImportLimits
{
    public const string Section = "Backup:Import";

    /// <summary>The largest file accepted, and the most a zipped backup may unpack to.</summary>
    /// <remarks>Kept under ASP.NET Core's default multipart limit (128 MB) so uploads reach this check.</remarks>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>A backup zip holds one JSON file; a few more entries (a readme) are tolerated, thousands are refused unread.</summary>
    public int MaxZipEntries { get; set; } = 8;
}

/// <summary>Stable error codes of backup import; the host shows them as <c>Backup.Error.{Code}</c>.</summary>
public static class BackupErrors
{
    public const string Empty = "Empty";
    public const string TooLarge = "TooLarge";
    public const string NotBackup = "NotBackup";
    public const string Damaged = "Damaged";
    public const string Newer = "Newer";
    public const string Tampered = "Tampered";
    public const string ZipBomb = "ZipBomb";
    public const string Invalid = "Invalid";
    public const string NoOwner = "NoOwner";
}

/// <summary>The check's outcome: a payload that may be imported, or why not with a detail for logs and the CLI.</summary>
public sealed record BackupReadResult(NetworkBackupPayload? Payload, int SchemaVersion, string? ErrorCode, string? Detail)
{
    public static BackupReadResult Fail(string code, string detail) => new(null, 0, code, detail);
}

/// <summary>
/// Reads a backup file (JSON, or a zip holding one) and refuses anything that is not exactly what an export wrote:
/// too large, a zip bomb, not a backup, a newer schema, damaged or truncated, or changed after export. The file is
/// spooled to a temporary file within the size limit, so a huge upload never sits in memory.
/// </summary>
public static class BackupFileReader
{
    private const int HeaderWindow = 64 * 1024;

    public static async Task<BackupReadResult> ReadAsync(Stream input, BackupImportLimits limits, CancellationToken ct = default)
    {
        await using var spooled = TempFile();
        if (!await CopyLimitedAsync(input, spooled, limits.MaxBytes, ct))
        {
            return BackupReadResult.Fail(BackupErrors.TooLarge, $"The file is larger than the limit of {limits.MaxBytes} bytes.");
        }
        if (spooled.Length == 0)
        {
            return BackupReadResult.Fail(BackupErrors.Empty, "The file is empty.");
        }
        spooled.Position = 0;
        var magic = new byte[4];
        await spooled.ReadExactlyAsync(magic, ct);
        spooled.Position = 0;
        if (magic is [(byte)'P', (byte)'K', 3, 4])
        {
            return await ReadZipAsync(spooled, limits, ct);
        }
        return await ReadJsonAsync(spooled, ct);
    }

    private static async Task<BackupReadResult> ReadZipAsync(FileStream zipFile, BackupImportLimits limits, CancellationToken ct)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zipFile, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            return BackupReadResult.Fail(BackupErrors.Damaged, "The zip file is damaged: " + ex.Message);
        }
        using (archive)
        {
            if (archive.Entries.Count > limits.MaxZipEntries)
            {
                return BackupReadResult.Fail(BackupErrors.ZipBomb, $"The zip holds {archive.Entries.Count} files; a backup holds one.");
            }
            var json = archive.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
            if (json.Count != 1)
            {
                return BackupReadResult.Fail(BackupErrors.NotBackup, "The zip does not hold exactly one .json file.");
            }
            var entry = json[0];
            // The declared size is checked before unpacking, the actual size while unpacking: a forged header cannot slip past.
            if (entry.Length > limits.MaxBytes)
            {
                return BackupReadResult.Fail(BackupErrors.ZipBomb, $"The zipped file would unpack to {entry.Length} bytes, over the limit of {limits.MaxBytes}.");
            }
            await using var unpacked = TempFile();
            try
            {
                await using var entryStream = await entry.OpenAsync(ct);
                if (!await CopyLimitedAsync(entryStream, unpacked, limits.MaxBytes, ct))
                {
                    return BackupReadResult.Fail(BackupErrors.ZipBomb, $"The zipped file unpacks to more than the limit of {limits.MaxBytes} bytes.");
                }
            }
            catch (InvalidDataException ex)
            {
                return BackupReadResult.Fail(BackupErrors.Damaged, "The zip file is damaged: " + ex.Message);
            }
            unpacked.Position = 0;
            return await ReadJsonAsync(unpacked, ct);
        }
    }

    private static async Task<BackupReadResult> ReadJsonAsync(FileStream file, CancellationToken ct)
    {
        var header = await ReadHeaderAsync(file, ct);
        if (header.Format != NetworkBackupDocument.FormatName)
        {
            return BackupReadResult.Fail(BackupErrors.NotBackup, "The file is not a Verkostamo network backup.");
        }
        if (header.SchemaVersion > NetworkBackupDocument.CurrentSchemaVersion)
        {
            return BackupReadResult.Fail(BackupErrors.Newer,
                $"The backup follows schema version {header.SchemaVersion}; this version of Verkostamo reads up to {NetworkBackupDocument.CurrentSchemaVersion}. Update Verkostamo first.");
        }
        if (header.SchemaVersion < 1)
        {
            return BackupReadResult.Fail(BackupErrors.Damaged, "The backup has no valid schema version.");
        }
        file.Position = 0;
        NetworkBackupDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<NetworkBackupDocument>(file, BackupJson.Options, ct);
        }
        catch (JsonException ex)
        {
            return BackupReadResult.Fail(BackupErrors.Damaged, $"The backup is damaged or incomplete (line {ex.LineNumber + 1}).");
        }
        if (document?.Payload is not { } payload)
        {
            return BackupReadResult.Fail(BackupErrors.Damaged, "The backup has no content.");
        }
        var actual = await ChecksumAsync(payload, ct);
        if (!string.Equals(actual, document.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return BackupReadResult.Fail(BackupErrors.Tampered, "The file has been changed after it was exported: its checksum does not match its content.");
        }
        return new BackupReadResult(payload, document.SchemaVersion, null, null);
    }

    /// <summary>The SHA-256 (lower-case hex) of the payload as <see cref="BackupJson.Options"/> write it.</summary>
    public static async Task<string> ChecksumAsync(NetworkBackupPayload payload, CancellationToken ct = default)
    {
        await using var hashing = new HashingStream(Stream.Null);
        await JsonSerializer.SerializeAsync(hashing, payload, BackupJson.Options, ct);
        return hashing.HexDigest();
    }

    private sealed record Header(string? Format, int SchemaVersion);

    /// <summary>Reads the envelope's fields written before the payload, so a newer schema is named as such rather than as damage.</summary>
    private static async Task<Header> ReadHeaderAsync(FileStream file, CancellationToken ct)
    {
        var buffer = new byte[(int)Math.Min(HeaderWindow, file.Length)];
        file.Position = 0;
        await file.ReadExactlyAsync(buffer, ct);
        return ParseHeader(buffer, buffer.Length == file.Length);
    }

    private static Header ParseHeader(byte[] buffer, bool complete)
    {
        string? format = null;
        var version = 0;
        var reader = new Utf8JsonReader(buffer, complete, default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new Header(null, 0);
            }
            while (reader.Read() && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (!reader.Read())
                {
                    break;
                }
                if (string.Equals(name, "format", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.String)
                {
                    format = reader.GetString();
                }
                else if (string.Equals(name, "schemaVersion", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.Number)
                {
                    version = reader.TryGetInt32(out var v) ? v : int.MaxValue;
                }
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    // The payload comes after the envelope's fields; nothing further is needed from the header.
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // A header that is not JSON at all reads as "not a backup" below.
        }
        return new Header(format, version);
    }

    private static async Task<bool> CopyLimitedAsync(Stream source, Stream target, long max, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > max)
            {
                return false;
            }
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return true;
    }

    private static FileStream TempFile() => new(Path.Combine(Path.GetTempPath(), "verkostamo-backup-" + Guid.NewGuid().ToString("N")),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}

/// <summary>Passes writes through to another stream while hashing them: the checksum is computed as the file is written.</summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string HexDigest() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        hash.AppendData(buffer, offset, count);
        inner.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        hash.AppendData(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
