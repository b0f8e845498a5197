using FleetPool.Core.Data;
using FleetPool.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// GDPR retention: bookings that ended more than <c>RetentionDays</c> ago lose their destination (text and place), their
/// purpose text and free-text reasons; listed reason codes, distance, km, CO2e, times and cost centre stay, so every
/// aggregate is unchanged. Idempotent (purged rows are marked and skipped).
/// </summary>
public sealed class RetentionPurge(IDbContextFactory<FleetPoolDb> dbs, IClock clock, IOptions<OperationsOptions> options)
{
    /// <summary>The text a purged purpose or free-text reason becomes.</summary>
    public const string Removed = "–";

    /// <summary>Purges what is due; returns how many bookings changed.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var cutoff = now - Duration.FromDays(options.Value.RetentionDays);
        await using var db = await dbs.CreateDbContextAsync(ct);
        // The purge is not a user's change, and an audit row of it would keep the very text it removes.
        db.RecordAudit = false;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var due = await db.Bookings.Where(b => b.PersonalDataRemovedAt == null && b.End < cutoff).ToListAsync(ct);
        foreach (var b in due)
        {
            (b.Destination, b.DestinationPlaceId, b.Purpose) = (null, null, Removed);
            b.CarReason = b.CarReason is { } r && !Steering.CarReasons.Codes.Contains(r) ? "other" : b.CarReason;
            b.FossilReason = b.FossilReason is null ? null : Removed;
            b.PersonalDataRemovedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }
}
