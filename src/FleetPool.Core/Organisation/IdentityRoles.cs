using FleetPool.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace FleetPool.Core.Organisation;

/// <summary>The Identity role rows for <see cref="Roles.All"/>, made on first need (a fresh database has none).</summary>
internal static class IdentityRoles
{
    public static async Task EnsureAsync(RoleManager<IdentityRole<int>> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<int>(role));
            }
        }
    }
}
