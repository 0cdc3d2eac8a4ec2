using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Verkostamo.Core.Data;

namespace Verkostamo.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<VerkostamoDbContext>
{
    public VerkostamoDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=verkostamo_design;Username=postgres");
        return new VerkostamoDbContext(options.Options);
    }
}
