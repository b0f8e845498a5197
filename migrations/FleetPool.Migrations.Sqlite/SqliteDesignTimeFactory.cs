using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FleetPool.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<FleetPoolDb>
{
    /// <inheritdoc />
    public FleetPoolDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<FleetPoolDb>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name))
            .ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>()
            .Options);
}
