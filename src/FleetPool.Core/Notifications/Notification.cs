using NodaTime;

namespace FleetPool.Core.Notifications;

/// <summary>
/// A message in a user's in-app inbox. Stored as a text key and its arguments, so it reads in the language the user has
/// when opening the inbox. Invariant: one per (user, booking, kind) — the sweeps that write them are idempotent.
/// </summary>
public sealed class Notification
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>Who it is for.</summary>
    public int UserId { get; set; }
    /// <summary>The booking it concerns, if any.</summary>
    public int? BookingId { get; set; }
    /// <summary>"noShow", "overdue", "overdueFleet" or "reminder"; also the text key (<c>Notify.{Kind}</c>).</summary>
    public required string Kind { get; set; }
    /// <summary>The arguments of the text, separated by '\u001f' (vehicle name, local time).</summary>
    public required string Arguments { get; set; }
    /// <summary>When it was written.</summary>
    public Instant At { get; set; }
    /// <summary>When the outbox handled it: sent by e-mail, or passed over because the reader turned its topic off; null while
    /// not (or when SMTP is not configured).</summary>
    public Instant? EmailedAt { get; set; }
    /// <summary>When the user opened it; null while unread.</summary>
    public Instant? ReadAt { get; set; }
}
