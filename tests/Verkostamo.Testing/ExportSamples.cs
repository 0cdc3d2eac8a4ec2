using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Actions;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Testing;

/// <summary>What <see cref="ExportSamples.SeedAsync"/> put into a network, for asserting on the exported files.</summary>
public sealed record ExportSample(int Actors, int Links, string KeySolution, string LongAnswer, string ThemeTitle, string ActionTitle, string EventTitle, Guid ViewId);

/// <summary>A network filled through the services with something of every kind an export shows.</summary>
public static class ExportSamples
{
    /// <summary>An answer far longer than one slide holds, in sentences, so that it must flow onto continuation slides.</summary>
    public static string LongAnswer => string.Join(" ", Enumerable.Range(1, 38).Select(i => $"Vastuulause {i}: verkoston koordinaattori kokoaa kumppanit yhteen ja pitää huolen sovituista asioista."));

    public static async Task<ExportSample> SeedAsync(IDbContextFactory<VerkostamoDbContext> factory, TimeProvider clock, Guid networkId, string userId, int actorCount = 6)
    {
        var actors = new ActorService(factory, clock);
        var links = new LinkService(factory, clock);
        var ids = new List<Guid>();
        var sectors = Enum.GetValues<Sector>();
        for (var i = 0; i < actorCount; i++)
        {
            // One name that a spreadsheet would take for a formula.
            var name = i == 1 ? "+Kunta & <Kaupunki>" : $"Toimija {i + 1:000}";
            var created = await actors.CreateAsync(networkId, userId, new ActorInput(name) { Sector = sectors[i % sectors.Length] });
            ids.Add(created.Value);
        }
        var linkCount = 0;
        for (var i = 0; i < actorCount; i++)
        {
            foreach (var j in new[] { i + 1, i + 3 }.Where(j => j < actorCount))
            {
                var made = await links.CreateAsync(networkId, userId, new LinkInput(ids[i], ids[j])
                {
                    Strength = (i + j) % 2 == 0 ? LinkStrength.Strong : LinkStrength.Weak,
                    Directed = i % 4 == 0,
                });
                if (made.Succeeded)
                {
                    linkCount++;
                }
            }
        }
        var positions = ids.Select((id, i) => (id, new MapPosition(100 * Math.Cos(i), 60 * Math.Sin(i * 1.3)))).ToDictionary(p => p.id, p => p.Item2);
        var view = await new MapViewService(factory, clock).CreateAsync(networkId, userId, new MapViewInput("Työpajanäkymä", new MapViewSettings(), positions));

        var answers = new AnswerService(factory, clock);
        const string solution = "=HYPERLINK(\"http://example.com\") on avainratkaisu";
        await answers.AddKeySolutionAsync(networkId, userId, AnswerOwner.Section("definition"), solution);
        Guid version;
        await using (var db = await factory.CreateDbContextAsync())
        {
            version = await db.WorkbookSections.Where(s => s.NetworkId == networkId && s.Key == "definition").Select(s => s.ResponsibilitiesVersion).SingleAsync();
        }
        var responsibilities = await answers.UpdateResponsibilitiesAsync(networkId, userId, AnswerOwner.Section("definition"), LongAnswer, version);
        if (!responsibilities.Succeeded)
        {
            throw new InvalidOperationException(responsibilities.ErrorCode);
        }
        var theme = await new ThemeService(factory, clock).CreateAsync(networkId, userId, new ThemeInput("Nuorten työllisyys", "Jokainen nuori löytää polun."));
        const string action = "-Sovitaan yhteinen foorumi";
        await new ActionService(factory, clock).AddAsync(networkId, userId, AnswerOwner.Theme(theme.Value), new ActionInput(action, null, "Olli", new DateOnly(2026, 5, 1), ActionStatus.Planned));
        const string evt = "@Kevään verkostofoorumi";
        await new ClockService(factory, clock).CreateAsync(networkId, userId, new ClockEventInput(evt, ClockCategory.Forum, new DateOnly(2026, 4, 15)));
        await new NetworkService(factory, clock).AddLogoAsync(networkId, userId, "logo.png", Png(40, 20));
        return new ExportSample(actorCount, linkCount, solution, LongAnswer, "Nuorten työllisyys", action, evt, view.Value);
    }

    /// <summary>A real PNG of the given size (one grey colour), so a document can read its proportions.</summary>
    public static byte[] Png(int width, int height)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width * 3; x++)
            {
                raw.WriteByte(0x80);
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
