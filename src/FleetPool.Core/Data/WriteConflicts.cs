using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Core.Data;

/// <summary>Recognises the database's own refusal of an overlapping booking (the PostgreSQL exclusion constraint).</summary>
public static class WriteConflicts
{
    /// <summary>SQLSTATE of an exclusion-constraint violation.</summary>
    public const string ExclusionViolation = "23P01";

    /// <summary>True when a save failed because the database found an overlapping booking.</summary>
    public static bool IsOverlap(DbUpdateException exception) =>
        exception.InnerException is DbException { SqlState: ExclusionViolation };
}
