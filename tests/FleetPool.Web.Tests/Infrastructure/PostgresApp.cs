using Npgsql;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// The app on its own PostgreSQL database, created by the migration and dropped afterwards, on the server named by
/// <c>FLEETPOOL_TEST_POSTGRES</c> (.ci/run starts one). Without that variable the tests skip, except under CI.
/// </summary>
public class PostgresApp : FleetPoolFactory
{
    public const string Variable = "FLEETPOOL_TEST_POSTGRES";
    private static readonly string? AdminConnection = Environment.GetEnvironmentVariable(Variable);
    private readonly string _connectionString;
    private readonly bool _ownsDatabase;

    public PostgresApp() : this(null) { }

    /// <summary>A second instance on another instance's database (it neither seeds nor drops it).</summary>
    protected PostgresApp(string? sharedConnectionString)
    {
        _ownsDatabase = sharedConnectionString is null;
        _connectionString = sharedConnectionString ?? (AdminConnection is null ? ""
            : new NpgsqlConnectionStringBuilder(AdminConnection) { Database = $"fleetpool_test_{Guid.NewGuid():N}", MaxPoolSize = 20 }.ConnectionString);
    }

    public override string Provider => "Postgres";

    public override string ConnectionString => _connectionString;

    public override string? Unavailable => AdminConnection is null ? $"PostgreSQL tests need {Variable} (a connection string); .ci/run sets it." : null;

    protected override bool SeedsTestData => _ownsDatabase && base.SeedsTestData;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && AdminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(AdminConnection);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(_connectionString).Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Another app instance on the same database, as a load balancer would see it.</summary>
    public sealed class Sibling(PostgresApp first) : PostgresApp(first.ConnectionString);
}
