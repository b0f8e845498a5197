using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>A user as the administration list shows them.</summary>
public sealed record UserRow(int Id, string DisplayName, string Email, int? DepartmentId, string? Department, IReadOnlyList<string> Roles, bool IsActive,
    string? LicenceClasses, LocalDate? LicenceExpiresOn, bool LicenceVerified);

/// <summary>Lists users for fleet managers (licence checks) and admins. Invariant: nobody else gets the list.</summary>
public sealed class UserDirectory(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>All users by name, with roles and department.</summary>
    public async Task<Outcome<IReadOnlyList<UserRow>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var all = await PageAsync(actor, 1, int.MaxValue, ct);
        return all.Problem is { } problem ? problem : Outcome<IReadOnlyList<UserRow>>.Ok(all.Value!.Items);
    }

    /// <summary>The most rows <see cref="PageAsync"/> gives at once through the API.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>One page of the users by name (then id, so pages never overlap), with the total that matches.</summary>
    public async Task<Outcome<Page<UserRow>>> PageAsync(Actor actor, int page, int pageSize, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var total = await db.Users.CountAsync(ct);
        var users = await (from u in db.Users.AsNoTracking()
                           join d in db.OrgUnits on u.DepartmentId equals d.Id into ds
                           from d in ds.DefaultIfEmpty()
                           orderby u.DisplayName, u.Id
                           select new { u.Id, u.DisplayName, u.Email, u.DepartmentId, Department = d == null ? null : d.Name, u.IsActive, u.LicenceClasses, u.LicenceExpiresOn, u.LicenceVerifiedAt })
            .Skip(Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles where ids.Contains(ur.UserId) join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var rows = users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.DepartmentId, u.Department, byUser[u.Id].Order(StringComparer.Ordinal).ToList(),
            u.IsActive, u.LicenceClasses, u.LicenceExpiresOn, u.LicenceVerifiedAt is not null)).ToList();
        return new Page<UserRow>(rows, page, pageSize, total);
    }
}
