using System.Security.Claims;
using FleetPool.Core.Common;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>The check behind token revocation and circuit revalidation: active user, current security stamp.</summary>
public class SignInRevocationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await SignInRevocation.IsCurrentAsync(scope.ServiceProvider, principal, CancellationToken.None);
    }

    private async Task<ClaimsPrincipal> PrincipalOfAsync(int userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)))!);
    }

    [Fact]
    public async Task IsCurrent_FreshThenStampChangedThenDeactivated_TrueThenFalse()
    {
        var principal = await PrincipalOfAsync(app.Ids.Leaver);
        Assert.True(await IsCurrentAsync(principal));
        Assert.Equal("leaver@test.se", principal.FindFirstValue(FleetPoolClaims.DisplayName));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(TestData.Leaver))!);
        }
        Assert.False(await IsCurrentAsync(principal));

        var fresh = await PrincipalOfAsync(app.Ids.Leaver);
        Assert.True(await IsCurrentAsync(fresh));
        Assert.True((await app.Services.GetRequiredService<UserAccounts>().DeactivateAsync(Actor.Of(app.Ids.Admin, Roles.Admin), app.Ids.Leaver)).Succeeded);
        Assert.False(await IsCurrentAsync(fresh));
        Assert.False(await IsCurrentAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }
}
