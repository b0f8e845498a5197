using System.Data.Common;

namespace FleetPool.Core.Data;

/// <summary>
/// Recognises the database's own refusal of an overlapping booking on PostgreSQL: the exclusion constraint refused the
/// insert (23P01), or two transactions inserting overlapping bookings each waited for the other's and PostgreSQL ended one
/// (40P01, deadlock). Either way another booking holds the slot, and the writer that lost is answered as a conflict.
/// </summary>
public static class WriteConflicts
{
    /// <summary>SQLSTATE of an exclusion-constraint violation.</summary>
    public const string ExclusionViolation = "23P01";

    /// <summary>SQLSTATE of a deadlock PostgreSQL broke by ending one transaction.</summary>
    public const string Deadlock = "40P01";

    /// <summary>
    /// True when a save failed because the database found an overlapping booking. EF hands the database's error on as a
    /// <c>DbUpdateException</c>, or (a deadlock counting as transient) wrapped in an <see cref="InvalidOperationException"/>,
    /// so the whole chain of inner exceptions is searched.
    /// </summary>
    public static bool IsOverlap(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: ExclusionViolation or Deadlock })
            {
                return true;
            }
        }
        return false;
    }
}
