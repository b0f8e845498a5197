using System.ComponentModel.DataAnnotations;

namespace FleetPool.Web.Setup;

/// <summary>Settings section <c>Database</c>: which provider and where.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Database";

    /// <summary>The embedded default.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>The scale-out provider: several instances share one database.</summary>
    public const string Postgres = "Postgres";

    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>ADO.NET connection string for the provider.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/fleetpool.db";

    /// <summary>True when the provider is PostgreSQL.</summary>
    public bool IsPostgres => Provider == Postgres;
}
