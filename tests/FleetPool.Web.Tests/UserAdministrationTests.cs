using FleetPool.Core.Common;
using FleetPool.Core.Organisation;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

public abstract class UserAdministrationTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private async Task<Outcome<int>> WithAdminAsync(Func<UserAdministration, Task<Outcome<int>>> act)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    [Fact]
    public async Task Create_ByAdmin_PasswordWorksAndRolesAreStaffPlusChosen()
    {
        var admin = Actor.Of(App.Ids.Admin, Roles.Admin);
        var created = await WithAdminAsync(a => a.CreateAsync(admin, new NewUser("Nils Nyström", "nils@test.se", App.Ids.Department, [Roles.DepartmentLead], "Nytt!lösen2026")));
        Assert.True(created.Succeeded, created.Problem?.Title);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var nils = await users.FindByEmailAsync("nils@test.se");
        Assert.Equal([Roles.DepartmentLead, Roles.Staff], (await users.GetRolesAsync(nils!)).Order(StringComparer.Ordinal));
        Assert.True(await users.CheckPasswordAsync(nils!, "Nytt!lösen2026"));
    }

    [Fact]
    public async Task Create_InvalidOrDuplicateOrNotAdmin_Refused()
    {
        var admin = Actor.Of(App.Ids.Admin, Roles.Admin);
        var invalid = await WithAdminAsync(a => a.CreateAsync(admin, new NewUser("", "not-an-email", 999_999, ["Boss"], "short")));
        Assert.Equal(["departmentId", "displayName", "email", "roles"], invalid.Problem!.Errors.Keys.Order(StringComparer.Ordinal));
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("sv-SE");
        try
        {
            var weak = await WithAdminAsync(a => a.CreateAsync(admin, new NewUser("Weak", "weak@test.se", null, [], "short")));
            Assert.Contains("Lösenordet måste ha minst 10 tecken.", weak.Problem!.Errors["password"][0], StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
        var duplicate = await WithAdminAsync(a => a.CreateAsync(admin, new NewUser("Again", TestData.Staff, null, [], "Nytt!lösen2026")));
        Assert.Equal(ProblemKind.Conflict, duplicate.Problem!.Kind);
        var manager = await WithAdminAsync(a => a.CreateAsync(Actor.Of(App.Ids.FleetManager, Roles.FleetManager), new NewUser("X", "x@test.se", null, [], "Nytt!lösen2026")));
        Assert.Equal(ProblemKind.Forbidden, manager.Problem!.Kind);
    }

    [Fact]
    public async Task Update_NewPasswordForAccountWithout_SignsInAndWeakOneChangesNothing()
    {
        var admin = Actor.Of(App.Ids.Admin, Roles.Admin);
        var import = await App.InScopeAsync<Core.Import.CsvImport, Outcome<Core.Import.ImportResult>>(i => i.RunAsync(Core.Import.ImportKind.Users, admin,
            new StringReader("email;name;department;roles\nutan.losen@test.se;Utan Lösen;Hemtjänst;\n"), dryRun: false));
        Assert.True(import.Value!.Ok);
        var id = await App.QueryAsync(db => db.Users.Where(u => u.Email == "utan.losen@test.se").Select(u => u.Id).SingleAsync());

        var weak = await WithAdminAsync(a => a.UpdateAsync(admin, id, App.Ids.OtherDepartment, [Roles.FleetManager], "kort"));
        Assert.Equal("password", Assert.Single(weak.Problem!.Errors.Keys));
        var (department, roles) = await App.QueryAsync(db => Task.FromResult((db.Users.Single(u => u.Id == id).DepartmentId, db.UserRoles.Count(r => r.UserId == id))));
        Assert.Equal((App.Ids.Department, 1), (department!.Value, roles));

        Assert.True((await WithAdminAsync(a => a.UpdateAsync(admin, id, App.Ids.Department, [], "Nytt!lösen2026"))).Succeeded);
        var client = App.CreateClient();
        Assert.False(string.IsNullOrEmpty(await FleetPoolFactory.TokenForAsync(client, "utan.losen@test.se", "Nytt!lösen2026")));
    }

    [Fact]
    public async Task Update_RolesAndDepartment_ReplacedStaffKeptOldTokenRevoked()
    {
        var admin = Actor.Of(App.Ids.Admin, Roles.Admin);
        var created = await WithAdminAsync(a => a.CreateAsync(admin, new NewUser("Rolf Roll", "rolf@test.se", App.Ids.Department, [Roles.FleetManager], "Nytt!lösen2026")));
        var id = created.Value;
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await FleetPoolFactory.TokenForAsync(client, "rolf@test.se", "Nytt!lösen2026"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/bookings/mine")).StatusCode);

        Assert.True((await WithAdminAsync(a => a.UpdateAsync(admin, id, App.Ids.OtherDepartment, [Roles.DepartmentLead]))).Succeeded);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var rolf = (await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            Assert.Equal([Roles.DepartmentLead, Roles.Staff], (await users.GetRolesAsync(rolf)).Order(StringComparer.Ordinal));
            Assert.Equal(App.Ids.OtherDepartment, rolf.DepartmentId);
        }
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/bookings/mine")).StatusCode);
        Assert.Equal(ProblemKind.Invalid, (await WithAdminAsync(a => a.UpdateAsync(admin, App.Ids.Admin, null, [Roles.FleetManager]))).Problem!.Kind);
        Assert.Equal(ProblemKind.Forbidden, (await WithAdminAsync(a => a.UpdateAsync(Actor.Of(App.Ids.FleetManager, Roles.FleetManager), id, null, []))).Problem!.Kind);
    }

    [Fact]
    public async Task CreateFirstAdmin_OnlyWhileNoAdminExists()
    {
        Assert.Equal(ProblemKind.Refused, (await WithAdminAsync(a => a.CreateFirstAdminAsync("Ny", "ny@test.se", "Nytt!lösen2026"))).Problem!.Kind);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(App.Ids.Admin.ToString(System.Globalization.CultureInfo.InvariantCulture)))!, Roles.Admin);
        }
        Assert.True((await WithAdminAsync(a => a.CreateFirstAdminAsync("Första admin", "first@test.se", "Nytt!lösen2026"))).Succeeded);
        Assert.Equal(ProblemKind.Refused, (await WithAdminAsync(a => a.CreateFirstAdminAsync("Andra", "second@test.se", "Nytt!lösen2026"))).Problem!.Kind);
    }
}

public sealed class UserAdministrationTestsOnSqlite(SqliteApp app) : UserAdministrationTests<SqliteApp>(app);

public sealed class UserAdministrationTestsOnPostgres(PostgresApp app) : UserAdministrationTests<PostgresApp>(app);
