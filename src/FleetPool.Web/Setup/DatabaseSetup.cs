using FleetPool.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Setup;

/// <summary>The database: SQLite (WAL) or PostgreSQL through a DbContext factory, migrated on start.</summary>
public static class DatabaseSetup
{
    /// <summary>Registers the DbContext factory (and a scoped context for Identity, health checks and key storage).</summary>
    public static IServiceCollection AddFleetPoolDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Pooled: a request's several contexts are reused rather than built (services resolved, state manager made) each time.
        services.AddPooledDbContextFactory<FleetPoolDb>((sp, o) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (db.IsPostgres)
            {
                o.UseNpgsql(PostgresConnection.Tuned(db.ConnectionString), n => n.UseNodaTime().MigrationsAssembly("FleetPool.Migrations.Postgres"));
            }
            else
            {
                o.UseSqlite(db.ConnectionString, s => s.MigrationsAssembly("FleetPool.Migrations.Sqlite")).AddInterceptors(new SqlitePragmas());
            }
            o.AddInterceptors(sp.GetRequiredService<SignIn.SignInChangeInterceptor>());
            o.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
            // A taken slot is an answer (409), not a fault: EF would log every such refusal as an error with its stack. A
            // failure nobody handles is still logged, by the request's exception handler or the job's runner.
            o.ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Information), (RelationalEventId.CommandError, LogLevel.Information)));
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// On SQLite, holds the file's instance lock while the app runs: SQLite serves one instance, and a restore must not
    /// replace the file under a running one. A second instance on the same file stops at start, saying so.
    /// </summary>
    public static void HoldSqliteInstanceLock(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (options.IsPostgres)
        {
            return;
        }
        var path = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var held = SqliteInstanceLock.TryTake(path)
            ?? throw new InvalidOperationException($"Another FleetPool instance is running on {Path.GetFullPath(path)}. SQLite serves one instance; use PostgreSQL for several.");
        app.Lifetime.ApplicationStopped.Register(held.Dispose);
    }

    /// <summary>Applies pending migrations (EF takes a database lock, so instances starting together are safe).</summary>
    public static async Task MigrateAsync(this IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        if (db.IsSqlite)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        await db.Database.MigrateAsync();
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
