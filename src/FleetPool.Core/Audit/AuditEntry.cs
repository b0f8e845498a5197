using NodaTime;

namespace FleetPool.Core.Audit;

/// <summary>
/// One recorded change to a stored entity: who, what, when, before and after. Invariant: append-only; rows are never
/// deleted, and updated only once, by the retention purge, to blank personal free text past its retention period
/// (<see cref="RedactedAt"/> set; the database triggers refuse any other update, and the purge audits itself).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Database id, increasing.</summary>
    public long Id { get; set; }
    /// <summary>When the change was saved.</summary>
    public Instant At { get; set; }
    /// <summary>The user who made it; null for the system (seeding, sweeps, sign-in bookkeeping).</summary>
    public int? ActorId { get; set; }
    /// <summary>The entity type, e.g. "Booking".</summary>
    public required string Entity { get; set; }
    /// <summary>The entity's key, as text.</summary>
    public required string EntityId { get; set; }
    /// <summary>"Added", "Modified" or "Deleted".</summary>
    public required string Action { get; set; }
    /// <summary>The changed properties' old values as JSON; null when added.</summary>
    public string? Before { get; set; }
    /// <summary>The changed properties' new values as JSON; null when deleted.</summary>
    public string? After { get; set; }
    /// <summary>When the retention purge blanked personal free text in <see cref="Before"/> and <see cref="After"/>; null until then.</summary>
    public Instant? RedactedAt { get; set; }
}
