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
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var users = await (from u in db.Users.AsNoTracking()
                           join d in db.OrgUnits on u.DepartmentId equals d.Id into ds
                           from d in ds.DefaultIfEmpty()
                           orderby u.DisplayName
                           select new { u.Id, u.DisplayName, u.Email, u.DepartmentId, Department = d == null ? null : d.Name, u.IsActive, u.LicenceClasses, u.LicenceExpiresOn, u.LicenceVerifiedAt })
            .ToListAsync(ct);
        return users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.DepartmentId, u.Department, byUser[u.Id].Order(StringComparer.Ordinal).ToList(),
            u.IsActive, u.LicenceClasses, u.LicenceExpiresOn, u.LicenceVerifiedAt is not null)).ToList();
    }
}
