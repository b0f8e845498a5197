using System.ComponentModel.DataAnnotations;

namespace FleetPool.Web.Setup;

/// <summary>Settings section <c>Database</c>: which provider and where.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Database";

    /// <summary>"Sqlite" (default).</summary>
    [Required, RegularExpression("^Sqlite$", ErrorMessage = "Database:Provider must be Sqlite.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>ADO.NET connection string.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=fleetpool.db";
}
