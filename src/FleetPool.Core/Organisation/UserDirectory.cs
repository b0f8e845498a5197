using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>A user as the administration list shows them.</summary>
public sealed record UserRow(int Id, string DisplayName, string Email, int? DepartmentId, string? Department, IReadOnlyList<string> Roles, bool IsActive,
    string? LicenceClasses, LocalDate? LicenceExpiresOn, bool LicenceVerified);

/// <summary>
/// Lists users for fleet managers (licence checks) and admins, a page at a time. Invariant: nobody else gets the list;
/// no call returns more than <see cref="MaxPageSize"/> rows.
/// </summary>
public sealed class UserDirectory(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>The most rows <see cref="PageAsync"/> gives at once.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Longest search text.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>
    /// One page of the users by name (then id, so pages never overlap), with the total that matches. With
    /// <paramref name="search"/>, only users whose name or e-mail contains it, ignoring case.
    /// </summary>
    public async Task<Outcome<Page<UserRow>>> PageAsync(Actor actor, int page, int pageSize, string? search = null, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var matching = db.Users.AsNoTracking();
        if (search?.Trim() is { Length: > 0 } term)
        {
            // E-mail through Identity's upper-cased copy; the name lower-cased by the database (SQLite's lower() folds ASCII
            // only, so "åsa" finds "Åsa" on PostgreSQL and "Åsa" itself on both).
            var (upper, lower) = (term.ToUpperInvariant(), term.ToLowerInvariant());
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL's lower(), never run as .NET string code
            matching = matching.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToLower().Contains(lower) || u.DisplayName.Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await matching.CountAsync(ct);
        var users = await (from u in matching
                           join d in db.OrgUnits on u.DepartmentId equals d.Id into ds
                           from d in ds.DefaultIfEmpty()
                           orderby u.DisplayName, u.Id
                           select new { u.Id, u.DisplayName, u.Email, u.DepartmentId, Department = d == null ? null : d.Name, u.IsActive, u.LicenceClasses, u.LicenceExpiresOn, u.LicenceVerifiedAt })
            .Skip(Paging.Offset(page, pageSize)).Take(Math.Min(pageSize, MaxPageSize)).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles where ids.Contains(ur.UserId) join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var rows = users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.DepartmentId, u.Department, byUser[u.Id].Order(StringComparer.Ordinal).ToList(),
            u.IsActive, u.LicenceClasses, u.LicenceExpiresOn, u.LicenceVerifiedAt is not null)).ToList();
        return new Page<UserRow>(rows, page, pageSize, total);
    }
}
