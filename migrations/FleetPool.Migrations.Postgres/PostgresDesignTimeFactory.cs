using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FleetPool.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server or the web host.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<FleetPoolDb>
{
    /// <inheritdoc />
    public FleetPoolDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<FleetPoolDb>()
            .UseNpgsql("Host=localhost;Database=fleetpool_design", o => o.UseNodaTime().MigrationsAssembly(typeof(PostgresDesignTimeFactory).Assembly.GetName().Name))
            .ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>()
            .Options);
}
