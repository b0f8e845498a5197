using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Core.Organisation;

/// <summary>A site as pickers list it.</summary>
public sealed record SiteSummary(int Id, string Name, string Address);

/// <summary>A cost centre as pickers list it.</summary>
public sealed record CostCenterSummary(string Code, string Name);

/// <summary>A board, for pickers.</summary>
public sealed record BoardSummary(int Id, string Name);

/// <summary>A department with the board it belongs to.</summary>
public sealed record DepartmentSummary(int Id, string Name, string Board);

/// <summary>Reference data for forms: sites and active cost centres, sorted for people.</summary>
public sealed class OrganisationDirectory(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>All sites by name.</summary>
    public async Task<IReadOnlyList<SiteSummary>> SitesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new SiteSummary(s.Id, s.Name, s.Address)).ToListAsync(ct);
    }

    /// <summary>All sites by name with their opening hours, for the booking form's days and times (read only).</summary>
    public async Task<IReadOnlyList<Site>> SitesWithHoursAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Sites.AsNoTracking().Include(s => s.OpeningHours).OrderBy(s => s.Name).ToListAsync(ct);
    }

    /// <summary>The active cost centres the actor may charge (<see cref="Bookings.BookingParties.MayCharge"/>), by code.</summary>
    public async Task<IReadOnlyList<CostCenterSummary>> CostCentersAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var units = await Bookings.BookingParties.BookerUnitsAsync(db, actor.UserId, ct);
        var active = await db.CostCenters.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code).ToListAsync(ct);
        return active.Where(c => Bookings.BookingParties.MayCharge(actor, units, c.OrgUnitId)).Select(c => new CostCenterSummary(c.Code, c.Name)).ToList();
    }

    /// <summary>Departments with their boards, by board then name.</summary>
    public async Task<IReadOnlyList<DepartmentSummary>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Department)
            .OrderBy(u => u.Parent!.Name).ThenBy(u => u.Name)
            .Select(u => new DepartmentSummary(u.Id, u.Name, u.Parent!.Name)).ToListAsync(ct);
    }

    /// <summary>Every board, by name.</summary>
    public async Task<IReadOnlyList<BoardSummary>> BoardsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Board).OrderBy(u => u.Name)
            .Select(u => new BoardSummary(u.Id, u.Name)).ToListAsync(ct);
    }
}
