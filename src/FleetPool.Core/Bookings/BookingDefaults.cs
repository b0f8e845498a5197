using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Core.Bookings;

/// <summary>
/// What the booking form starts with for a user. Invariants: the cost centre is one the user may charge
/// (<see cref="BookingParties.MayCharge"/>) and is active: the one of their last booking, else their department's, else
/// the only one they may charge; purposes are the user's own recent ones (not redacted), newest first, each once.
/// </summary>
public sealed record BookingStart(int? SiteId, string? CostCenter, IReadOnlyList<string> RecentPurposes, bool HasDepartment);

/// <summary>Reads <see cref="BookingStart"/>: the defaults that spare a user typing what they typed last time.</summary>
public sealed class BookingDefaults(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>How many recent purposes are offered.</summary>
    public const int RecentPurposeCount = 5;

    /// <summary>The user's defaults.</summary>
    public async Task<BookingStart> ForAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.DepartmentId, u.DefaultSiteId }).SingleOrDefaultAsync(ct);
        var units = await BookingParties.UnitsAboveAsync(db, user?.DepartmentId, ct);
        var chargeable = (await db.CostCenters.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code).ToListAsync(ct))
            .Where(c => BookingParties.MayCharge(actor, units, c.OrgUnitId)).ToList();
        var recent = await db.Bookings.AsNoTracking().Where(b => b.BookerId == actor.UserId && b.PersonalDataRemovedAt == null)
            .OrderByDescending(b => b.CreatedAt).Take(30).Select(b => new { b.Purpose, b.CostCenterId }).ToListAsync(ct);
        var costCenter = chargeable.Find(c => recent.Count > 0 && c.Id == recent[0].CostCenterId)
            ?? chargeable.Find(c => c.OrgUnitId == user?.DepartmentId)
            ?? (chargeable.Count == 1 ? chargeable[0] : null);
        var purposes = recent.Select(b => b.Purpose.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.CurrentCultureIgnoreCase).Take(RecentPurposeCount).ToList();
        return new BookingStart(user?.DefaultSiteId, costCenter?.Code, purposes, user?.DepartmentId is not null);
    }
}
