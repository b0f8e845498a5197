using System.Security.Claims;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Setup;

/// <summary>Adds the display name and department to the sign-in principal (cookie and token alike).</summary>
public sealed class FleetPoolClaims(UserManager<AppUser> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<int>>(users, roles, options)
{
    /// <summary>The user's full name.</summary>
    public const string DisplayName = "fleetpool:name";

    /// <summary>The id of the user's department.</summary>
    public const string Department = "fleetpool:department";

    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(Department, department.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
