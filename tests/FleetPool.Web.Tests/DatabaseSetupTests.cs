using FleetPool.Core.Data;
using FleetPool.Web.Setup;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FleetPool.Web.Tests;

/// <summary>How the app gets its database contexts and connections.</summary>
public class DatabaseSetupTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task CreateDbContext_AfterAContextWithAnActorWasDisposed_ReusedWithoutItsActor()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>();
        FleetPoolDb first;
        await using (first = await factory.CreateDbContextAsync())
        {
            (first.ActorId, first.RecordAudit) = (app.Ids.Admin, false);
        }

        await using var second = await factory.CreateDbContextAsync();

        Assert.Same(first, second); // pooled: the same context again, so what it carried must have been cleared
        Assert.Null(second.ActorId);
        Assert.True(second.RecordAudit);
    }

    [Fact]
    public async Task SqliteConnection_AnyFromThePool_WalWithFullSyncSoACommitSurvivesPowerLoss()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(connection, "synchronous")); // 2 = FULL: the WAL is synced at every commit
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
    }

    private static async Task<string?> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("Host=db;Database=fleetpool", 64, true)]
    [InlineData("Host=db;Database=fleetpool;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db;Database=fleetpool;MaxAutoPrepare=5", 5, true)]
    public void Tuned_PostgresConnectionString_AddsDefaultsAndKeepsWhatWasGiven(string given, int autoPrepare, bool noReset)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.Tuned(given));

        Assert.Equal(autoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(noReset, tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }
}
