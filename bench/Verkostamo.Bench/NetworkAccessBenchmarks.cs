using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;

namespace Verkostamo.Bench;

/// <summary>
/// <see cref="NetworkAccess.GetRoleAsync(Guid, string, bool, CancellationToken)"/> answers every
/// network-scoped page and API request (the authorization handler calls it first). Measured against a
/// real, migrated SQLite file in WAL mode holding 1,000 networks (50 of them in the bin), 2,500 users
/// and 10,000 memberships. The baseline is the same lookup as one hand-written SQL command, so the
/// ratio shows what the short-lived DbContext and the LINQ query add; "new DbContext, open and close"
/// isolates the context's fixed cost, and the pooled factory shows what reusing contexts would save.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class NetworkAccessBenchmarks
{
    public const int NetworkCount = 1_000;
    public const int UserCount = 2_500;
    public const int MembersPerNetwork = 10;
    public const int NetworksInBin = 50;

    private string folder = "";
    private string connectionString = "";
    private DbContextOptions<VerkostamoDbContext> options = null!;
    private NetworkAccess access = null!;
    private NetworkAccess pooledAccess = null!;
    private Guid memberNetwork;
    private string memberUser = "";
    private string outsider = "";
    private Guid binNetwork;
    private string binMember = "";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "verkostamo-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        connectionString = DatabaseSetup.PrepareSqlite("Data Source=" + Path.Combine(folder, "bench.db"));
        var builder = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, connectionString);
        options = builder.Options;
        // The same kind of factory the app registers (AddDbContextFactory): a new context per call.
        IDbContextFactory<VerkostamoDbContext> factory = new Factory(options);

        await using (var db = await factory.CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
            await SeedAsync(db);
        }
        access = new NetworkAccess(factory);
        pooledAccess = new NetworkAccess(new PooledDbContextFactory<VerkostamoDbContext>(options));

        // Probes from the middle of the data: a member, a user who belongs to other networks but not
        // this one, and a member of a network that is in the bin.
        await using (var db = await factory.CreateDbContextAsync())
        {
            var networks = await db.Networks.AsNoTracking().OrderBy(n => n.Name).Select(n => new { n.Id, n.DeletedAt }).ToListAsync();
            memberNetwork = networks.Where(n => n.DeletedAt == null).ElementAt(NetworkCount / 2).Id;
            binNetwork = networks.First(n => n.DeletedAt != null).Id;
            var members = await db.Memberships.AsNoTracking().Where(m => m.NetworkId == memberNetwork).Select(m => m.UserId).ToListAsync();
            memberUser = members[MembersPerNetwork / 2];
            outsider = await db.Memberships.AsNoTracking()
                .Where(m => m.NetworkId != memberNetwork && !members.Contains(m.UserId)).Select(m => m.UserId).FirstAsync();
            binMember = await db.Memberships.AsNoTracking().Where(m => m.NetworkId == binNetwork).Select(m => m.UserId).FirstAsync();
        }

        // The cases must mean what their names say, or the numbers mean nothing.
        Expect(await access.GetRoleAsync(memberNetwork, memberUser) is not null, "the member has a role");
        Expect(await access.GetRoleAsync(memberNetwork, outsider) is null, "the outsider has no role");
        Expect(await access.GetRoleAsync(binNetwork, binMember) is null, "a network in the bin gives no role");
        Expect(await access.GetRoleAsync(binNetwork, binMember, includeDeleted: true) is not null, "the bin member has a role when deleted networks count");
        Expect(await pooledAccess.GetRoleAsync(memberNetwork, memberUser) == await access.GetRoleAsync(memberNetwork, memberUser), "the pooled factory finds the same role");
        Expect(RawSql() == (await access.GetRoleAsync(memberNetwork, memberUser))?.ToString(), "the hand-written query finds the same role");
    }

    private static async Task SeedAsync(VerkostamoDbContext db)
    {
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var users = Enumerable.Range(0, UserCount).Select(i => new User
        {
            Id = Guid.NewGuid().ToString(),
            UserName = $"user{i}@example.fi",
            NormalizedUserName = $"USER{i}@EXAMPLE.FI",
            Email = $"user{i}@example.fi",
            NormalizedEmail = $"USER{i}@EXAMPLE.FI",
            DisplayName = $"Käyttäjä {i}",
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAt = start,
        }).ToList();
        db.Users.AddRange(users);

        var roles = Enum.GetValues<NetworkRole>();
        for (var i = 0; i < NetworkCount; i++)
        {
            var network = new Network
            {
                Id = Guid.NewGuid(),
                Name = $"Verkosto {i:D4}",
                CreatedAt = start,
                UpdatedAt = start,
                DeletedAt = i % (NetworkCount / NetworksInBin) == 7 ? start.AddDays(1) : null,
                Version = Guid.NewGuid(),
            };
            // Ten distinct users per network, every user in four networks.
            for (var k = 0; k < MembersPerNetwork; k++)
            {
                network.Memberships.Add(new Membership
                {
                    Id = Guid.NewGuid(),
                    UserId = users[((i * 7) + (k * (UserCount / MembersPerNetwork))) % UserCount].Id,
                    Role = roles[k % roles.Length],
                    JoinedAt = start,
                });
            }
            db.Networks.Add(network);
        }
        await db.SaveChangesAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "hand-written SQL, member")]
    public string? RawSqlMember() => RawSql();

    [Benchmark(Description = "GetRoleAsync, member")]
    public Task<NetworkRole?> Member() => access.GetRoleAsync(memberNetwork, memberUser);

    [Benchmark(Description = "GetRoleAsync, not a member")]
    public Task<NetworkRole?> NotAMember() => access.GetRoleAsync(memberNetwork, outsider);

    [Benchmark(Description = "GetRoleAsync, no such network")]
    public Task<NetworkRole?> NoSuchNetwork() => access.GetRoleAsync(Guid.NewGuid(), memberUser);

    [Benchmark(Description = "GetRoleAsync, network in the bin")]
    public Task<NetworkRole?> InTheBin() => access.GetRoleAsync(binNetwork, binMember);

    [Benchmark(Description = "new DbContext, open and close")]
    public async Task OpenAndClose()
    {
        await using var db = new VerkostamoDbContext(options);
        await db.Database.OpenConnectionAsync();
        await db.Database.CloseConnectionAsync();
    }

    [Benchmark(Description = "GetRoleAsync, member, pooled DbContext factory")]
    public Task<NetworkRole?> MemberPooled() => pooledAccess.GetRoleAsync(memberNetwork, memberUser);

    private string? RawSql()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // EF Core stores Guids on SQLite as upper-case text; match that here.
        command.CommandText = """
            SELECT m."Role" FROM "Memberships" AS m
            INNER JOIN "Networks" AS n ON m."NetworkId" = n."Id"
            WHERE m."NetworkId" = $network AND m."UserId" = $user AND n."DeletedAt" IS NULL
            LIMIT 2
            """;
        command.Parameters.AddWithValue("$network", memberNetwork.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$user", memberUser);
        return command.ExecuteScalar() as string;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark data is not as intended: " + what + ".");
        }
    }

    private sealed class Factory(DbContextOptions<VerkostamoDbContext> options) : IDbContextFactory<VerkostamoDbContext>
    {
        public VerkostamoDbContext CreateDbContext() => new(options);
    }
}
