using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>
/// Account changes that carry rules. Invariants: deactivation changes the security stamp (so every token the user
/// holds is refused on its next request) and cancels the user's future reservations in the same transaction; only
/// fleet managers and admins verify licences, only admins deactivate.
/// </summary>
public sealed class UserAccounts(IDbContextFactory<FleetPoolDb> dbs, IClock clock)
{
    /// <summary>Deactivates a user; returns how many future reservations were cancelled.</summary>
    public async Task<Outcome<int>> DeactivateAsync(Actor actor, int userId, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(Roles.Admin))
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null)
        {
            return Problem.NotFound("User");
        }
        if (user.Id == actor.UserId)
        {
            return Problem.Refused("userId", Text.Get("CannotDeactivateSelf"));
        }
        var now = clock.GetCurrentInstant();
        (user.IsActive, user.SecurityStamp) = (false, Guid.NewGuid().ToString("N"));
        var future = await db.Bookings
            .Where(b => (b.BookerId == userId || b.DriverId == userId) && b.Status == BookingStatus.Reserved && b.Start > now)
            .ToListAsync(ct);
        future.ForEach(b => (b.Status, b.ClosedAt) = (BookingStatus.Cancelled, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return future.Count;
    }

    /// <summary>Records that a fleet manager or admin has seen the user's licence (class and expiry as entered).</summary>
    public async Task<Outcome<LocalDate>> VerifyLicenceAsync(Actor actor, int userId, string? classes, LocalDate? expiresOn, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        var errors = new FieldErrors().RequireText(classes, "licenceClasses", 50).AddIf(expiresOn is null, "licenceExpiresOn", Text.Get("Required"));
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null)
        {
            return Problem.NotFound("User");
        }
        (user.LicenceClasses, user.LicenceExpiresOn) = (classes!.Trim().ToUpperInvariant(), expiresOn);
        (user.LicenceVerifiedAt, user.LicenceVerifiedById) = (clock.GetCurrentInstant(), actor.UserId);
        await db.SaveChangesAsync(ct);
        return expiresOn!.Value;
    }
}
