using FleetPool.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Setup;

/// <summary>The database: SQLite (WAL) through a DbContext factory, migrated on start.</summary>
public static class DatabaseSetup
{
    /// <summary>Registers the DbContext factory (and a scoped context for Identity and health checks).</summary>
    public static IServiceCollection AddFleetPoolDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<FleetPoolDb>((sp, o) => o
            .UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, s => s.MigrationsAssembly("FleetPool.Migrations.Sqlite"))
            .AddInterceptors(new SqlitePragmas())
            .ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>());
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContext());
        return services;
    }

    /// <summary>Applies pending migrations and switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(this IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
