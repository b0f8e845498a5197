using Npgsql;

namespace FleetPool.Web.Setup;

/// <summary>The app's defaults for a PostgreSQL connection string; anything the operator set explicitly wins.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// Adds, unless given: <c>Max Auto Prepare</c> 64 (the hot queries run as server-side prepared statements, so each is
    /// parsed and planned once per connection) and <c>No Reset On Close</c> (the app keeps no session state, and
    /// <c>DISCARD ALL</c> on every return to the pool costs a round trip and throws the prepared statements away).
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(string key) => given.ContainsKey(key) || given.ContainsKey(key.Replace(" ", "", StringComparison.Ordinal));
        if (!Given("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 64;
        }
        if (!Given("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }
}
