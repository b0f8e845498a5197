using FleetPool.Core.Audit;
using FleetPool.Core.Common;
using FleetPool.Core.Organisation;
using System.Net;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

public abstract class AdminQueryTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Users_ManagerListsWithRolesStaffRefused()
    {
        var directory = App.Services.GetRequiredService<UserDirectory>();
        var rows = (await directory.PageAsync(Actor.Of(App.Ids.FleetManager, Roles.FleetManager), 1, UserDirectory.MaxPageSize)).Value!.Items;
        var admin = Assert.Single(rows, r => r.Id == App.Ids.Admin);
        Assert.Equal([Roles.Admin, Roles.Staff], admin.Roles);
        Assert.Contains(rows, r => r.Id == App.Ids.Unlicensed && r.LicenceClasses is null);
        Assert.Equal(ProblemKind.Forbidden, (await directory.PageAsync(Actor.Of(App.Ids.Staff, Roles.Staff), 1, 10)).Problem!.Kind);
    }

    [Fact]
    public async Task UsersPage_SearchByPartOfNameOrEmailInAnyCase_OnlyMatchesCounted()
    {
        var directory = App.Services.GetRequiredService<UserDirectory>();
        var manager = Actor.Of(App.Ids.FleetManager, Roles.FleetManager);
        var all = (await directory.PageAsync(manager, 1, UserDirectory.MaxPageSize)).Value!;

        var byEmail = (await directory.PageAsync(manager, 1, 10, search: "  STAFF@test ")).Value!;
        Assert.Equal(App.Ids.Staff, Assert.Single(byEmail.Items).Id);
        Assert.Equal(1, byEmail.Total);
        var staffName = Assert.Single(all.Items, u => u.Id == App.Ids.Staff).DisplayName;
        var byName = (await directory.PageAsync(manager, 1, 10, search: staffName[1..4].ToUpperInvariant())).Value!;
        Assert.Contains(byName.Items, u => u.Id == App.Ids.Staff);
        Assert.All(byName.Items, u => Assert.Contains(staffName[1..4], u.DisplayName + u.Email, StringComparison.OrdinalIgnoreCase));
        var none = (await directory.PageAsync(manager, 1, 10, search: "ingen-sådan-användare")).Value!;
        Assert.Equal((0, 0), (none.Items.Count, none.Total));
        Assert.Equal(all.Total, (await directory.PageAsync(manager, 1, 10, search: "  ")).Value!.Total); // blank is no filter
    }

    [Fact]
    public async Task UsersApi_SearchAndPageSize_PagedAndBounded()
    {
        var admin = await App.ClientForAsync(TestData.Admin);
        var found = await admin.GetAsync("/api/users?search=staff%40test&pageSize=5");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("1", found.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(App.Ids.Staff, Assert.Single((await found.JsonAsync()).EnumerateArray()).GetProperty("id").GetInt32());
        await (await admin.GetAsync($"/api/users?search={new string('a', UserDirectory.MaxSearchLength + 1)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "search");
        await (await admin.GetAsync($"/api/users?pageSize={UserDirectory.MaxPageSize + 1}")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task Audit_FilterByActorAndEntity_OnlyThoseRowsAndAdminsOnly()
    {
        var client = await App.ClientForAsync(TestData.Staff);
        await client.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-04-22T09:00:00+02:00", "2026-04-22T10:00:00+02:00"));
        var log = App.Services.GetRequiredService<AuditLog>();
        var page = (await log.SearchAsync(Actor.Of(App.Ids.Admin, Roles.Admin), new AuditQuery(App.Ids.Staff, "Booking"))).Value!;
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, r => Assert.Equal(("Booking", "staff@test.se"), (r.Entity, r.Actor)));
        Assert.Equal(ProblemKind.Forbidden, (await log.SearchAsync(Actor.Of(App.Ids.FleetManager, Roles.FleetManager), new AuditQuery())).Problem!.Kind);
    }
}

public sealed class AdminQueryTestsOnSqlite(SqliteApp app) : AdminQueryTests<SqliteApp>(app);

public sealed class AdminQueryTestsOnPostgres(PostgresApp app) : AdminQueryTests<PostgresApp>(app);
