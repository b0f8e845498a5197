using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using FleetPool.Core.Common;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;
using FleetPool.Web.Setup.SignIn;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FleetPool.Web.Tests;

/// <summary>
/// The check behind token revocation and circuit revalidation (active user, current security stamp), answered from each
/// instance's cache of sign-in states, which every change must reach: on this instance at once, on others by NOTIFY.
/// </summary>
public abstract class SignInRevocationTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    protected static async Task<bool> IsCurrentAsync(FleetPoolFactory app, ClaimsPrincipal principal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await SignInRevocation.IsCurrentAsync(scope.ServiceProvider, principal, CancellationToken.None);
    }

    protected Task<bool> IsCurrentAsync(ClaimsPrincipal principal) => IsCurrentAsync(App, principal);

    protected async Task<ClaimsPrincipal> PrincipalOfAsync(int userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)))!);
    }

    /// <summary>The instance's cache, once it is in use (on PostgreSQL, once its listener is connected).</summary>
    protected static async Task<SignInStates> StatesOfAsync(FleetPoolFactory app)
    {
        var states = app.Services.GetRequiredService<SignInStates>();
        var waited = Stopwatch.StartNew();
        while (!states.IsComplete && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }
        Assert.True(states.IsComplete, "the sign-in cache never came into use");
        return states;
    }

    [Fact]
    public async Task IsCurrent_FreshThenStampChangedThenDeactivated_TrueThenFalse()
    {
        await StatesOfAsync(App);
        var principal = await PrincipalOfAsync(App.Ids.Leaver);
        Assert.True(await IsCurrentAsync(principal));
        Assert.Equal("leaver@test.se", principal.FindFirstValue(FleetPoolClaims.DisplayName));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(TestData.Leaver))!);
        }
        Assert.False(await IsCurrentAsync(principal));

        var fresh = await PrincipalOfAsync(App.Ids.Leaver);
        Assert.True(await IsCurrentAsync(fresh));
        Assert.True((await App.Services.GetRequiredService<UserAccounts>().DeactivateAsync(Actor.Of(App.Ids.Admin, Roles.Admin), App.Ids.Leaver)).Succeeded);
        Assert.False(await IsCurrentAsync(fresh));
        Assert.False(await IsCurrentAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public async Task IsCurrent_AskedAgain_AnsweredWithoutReadingTheDatabase()
    {
        var states = await StatesOfAsync(App);
        var principal = await PrincipalOfAsync(App.Ids.Lead);
        Assert.True(await IsCurrentAsync(principal));
        var reads = states.Reads;

        for (var i = 0; i < 20; i++)
        {
            Assert.True(await IsCurrentAsync(principal));
        }

        Assert.Equal(reads, states.Reads);
    }

    [Fact]
    public async Task SignInStates_ChangeWhileTheRowIsRead_OldRowNotKept()
    {
        var states = new SignInStates();
        states.SetComplete(true);
        var reads = 0;
        Task<SignInState?> Read(int _, CancellationToken __)
        {
            reads++;
            if (reads == 1)
            {
                states.Forget(7); // the row changes (and is announced) while the first read is on its way back
            }
            return Task.FromResult<SignInState?>(new SignInState(true, $"stamp {reads}"));
        }

        Assert.Equal("stamp 1", (await states.GetAsync(7, Read, CancellationToken.None))!.SecurityStamp);
        Assert.Equal("stamp 2", (await states.GetAsync(7, Read, CancellationToken.None))!.SecurityStamp);
        Assert.Equal("stamp 2", (await states.GetAsync(7, Read, CancellationToken.None))!.SecurityStamp);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task SignInStates_NotComplete_EveryCheckReadsTheDatabase()
    {
        var states = new SignInStates();
        var reads = 0;
        Task<SignInState?> Read(int _, CancellationToken __) => Task.FromResult<SignInState?>(new SignInState(true, $"stamp {++reads}"));

        await states.GetAsync(7, Read, CancellationToken.None);
        await states.GetAsync(7, Read, CancellationToken.None);
        states.SetComplete(true);
        await states.GetAsync(7, Read, CancellationToken.None);
        await states.GetAsync(7, Read, CancellationToken.None);
        states.SetComplete(false);
        await states.GetAsync(7, Read, CancellationToken.None);

        Assert.Equal(4, reads);
    }
}

public sealed class SignInRevocationTestsOnSqlite(SqliteApp app) : SignInRevocationTests<SqliteApp>(app);

public sealed class SignInRevocationTestsOnPostgres(PostgresApp app) : SignInRevocationTests<PostgresApp>(app)
{
    [Fact]
    public async Task IsCurrent_StampChangedBySqlOutsideTheApp_RefusedOnceTheDatabaseAnnouncesIt()
    {
        await StatesOfAsync(App);
        var principal = await PrincipalOfAsync(App.Ids.Staff);
        Assert.True(await IsCurrentAsync(principal));

        await using (var connection = new NpgsqlConnection(App.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("""UPDATE "AspNetUsers" SET "SecurityStamp" = 'changed-by-hand' WHERE "Id" = @id""", connection);
            update.Parameters.AddWithValue("id", App.Ids.Staff);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        var waited = Stopwatch.StartNew();
        while (await IsCurrentAsync(principal) && waited.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(5);
        }

        Assert.False(await IsCurrentAsync(principal), "a change made past the app must still reach the cache");
        Measurements.Add($"Sign-in cache (Postgres): a stamp changed by hand in SQL was refused after {waited.Elapsed.TotalMilliseconds:0} ms (NOTIFY)");
    }

    [Fact]
    public async Task Deactivate_OnOneInstance_TokenRefusedOnTheOtherAtOnce()
    {
        await using var second = new PostgresApp.Sibling(App);
        await second.InitializeAsync();
        await StatesOfAsync(App);
        await StatesOfAsync(second);
        var first = App.CreateClient();
        var other = second.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await FleetPoolFactory.TokenForAsync(first, TestData.Unlicensed));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/bookings/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/bookings/mine")).StatusCode); // now from the other instance's cache

        var admin = await App.ClientForAsync(TestData.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{App.Ids.Unlicensed}/deactivate", null)).StatusCode);
        var waited = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await other.GetAsync("/api/bookings/mine")).StatusCode) == HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(5);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Measurements.Add($"Sign-in cache (Postgres, two instances): a user deactivated on one instance was refused on the other after {waited.Elapsed.TotalMilliseconds:0} ms");
    }
}
