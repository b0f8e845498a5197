using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>
/// A year whose snapshots are adopted ("fastställda") and published. Invariant: the job never rewrites a snapshot dated
/// in a locked year, so a figure in an annual report stays what was published.
/// </summary>
public sealed class FleetShareLock
{
    /// <summary>The calendar year locked.</summary>
    public int Year { get; set; }
    /// <summary>When it was locked.</summary>
    public Instant LockedAt { get; set; }
    /// <summary>Who locked it (a fleet manager or admin).</summary>
    public int? LockedById { get; set; }
}

/// <summary>
/// Locks and unlocks years of snapshots. Invariants: fleet managers and admins lock; only a year that is over can be
/// locked (its 31 December snapshot is final); only an admin unlocks; both are in the audit trail.
/// </summary>
public sealed class FleetShareLocks(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time)
{
    /// <summary>The locked years, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.FleetShareLocks.OrderByDescending(l => l.Year).Select(l => l.Year).ToListAsync(ct);
    }

    /// <summary>Locks a year that is over; locking it again changes nothing.</summary>
    public async Task<Outcome<int>> LockAsync(Actor actor, int year, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        if (year >= time.DateOf(clock.GetCurrentInstant()).Year || year < 2000)
        {
            return Problem.Invalid(new FieldErrors().Add("year", Text.Get("LockYearOver")));
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        if (!await db.FleetShareLocks.AnyAsync(l => l.Year == year, ct))
        {
            db.FleetShareLocks.Add(new FleetShareLock { Year = year, LockedAt = clock.GetCurrentInstant(), LockedById = actor.UserId });
            await db.SaveChangesAsync(ct);
        }
        return year;
    }

    /// <summary>Unlocks a year (admins only), e.g. to correct a figure before it is published again.</summary>
    public async Task<Outcome<int>> UnlockAsync(Actor actor, int year, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(Roles.Admin))
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var found = await db.FleetShareLocks.SingleOrDefaultAsync(l => l.Year == year, ct);
        if (found is null)
        {
            return Problem.NotFound("LockedYear");
        }
        db.FleetShareLocks.Remove(found);
        await db.SaveChangesAsync(ct);
        return year;
    }
}
