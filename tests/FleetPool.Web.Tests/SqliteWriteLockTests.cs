using FleetPool.Core.Data;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

/// <summary>
/// The SQLite guarantee without the in-process gate: two write transactions whose gates differ (two connection strings
/// to one file, as two processes would have) still exclude each other, because <see cref="WriteTransaction"/> takes
/// the database's write lock at its start (<c>BEGIN IMMEDIATE</c>), before the overlap check reads anything.
/// </summary>
public class SqliteWriteLockTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private FleetPoolDb Open(string variant) => new(new DbContextOptionsBuilder<FleetPoolDb>()
        .UseSqlite($"{app.ConnectionString};{variant}", s => s.MigrationsAssembly("FleetPool.Migrations.Sqlite")).Options);

    [Fact]
    public async Task BeginAsync_SecondWriterWithItsOwnGate_WaitsForTheDatabaseLockUntilTheFirstEnds()
    {
        await using var first = Open("Default Timeout=30");
        await using var second = Open("Default Timeout=31"); // another gate key: only SQLite's lock stands between them
        var ct = TestContext.Current.CancellationToken;

        var holding = await WriteTransaction.BeginAsync(first, ct);
        var waiting = Task.Run(() => WriteTransaction.BeginAsync(second, ct), ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        Assert.False(waiting.IsCompleted, "a second writer began while the first held the database's write lock");

        await holding.DisposeAsync();
        await using var secondWrite = await waiting.WaitAsync(TimeSpan.FromSeconds(20), ct);
        Assert.True(waiting.IsCompletedSuccessfully);
    }
}
