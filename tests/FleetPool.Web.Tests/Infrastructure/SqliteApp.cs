using Microsoft.Data.Sqlite;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>The app on its own SQLite file in the temp folder, deleted afterwards.</summary>
public class SqliteApp : FleetPoolFactory
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"fleetpool-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_path}{Options}";

    /// <summary>Extra connection-string options.</summary>
    protected virtual string Options => "";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app as <c>dotnet run</c> starts it: Development on SQLite, so it seeds the demo municipality.</summary>
public sealed class DemoApp : SqliteApp
{
    protected override string EnvironmentName => "Development";
}

/// <summary>SQLite that gives up on a locked database after one second, to show what clients then get.</summary>
public sealed class ImpatientSqliteApp : SqliteApp
{
    protected override string Options => ";Default Timeout=1";
}
