using FleetPool.Core.Audit;
using FleetPool.Core.Common;
using FleetPool.Core.Organisation;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

public abstract class AdminQueryTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Users_ManagerListsWithRolesStaffRefused()
    {
        var directory = App.Services.GetRequiredService<UserDirectory>();
        var rows = (await directory.ListAsync(Actor.Of(App.Ids.FleetManager, Roles.FleetManager))).Value!;
        var admin = Assert.Single(rows, r => r.Id == App.Ids.Admin);
        Assert.Equal([Roles.Admin, Roles.Staff], admin.Roles);
        Assert.Contains(rows, r => r.Id == App.Ids.Unlicensed && r.LicenceClasses is null);
        Assert.Equal(ProblemKind.Forbidden, (await directory.ListAsync(Actor.Of(App.Ids.Staff, Roles.Staff))).Problem!.Kind);
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
