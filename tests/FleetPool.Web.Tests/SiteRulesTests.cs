using System.Net;
using FleetPool.Core.Common;
using FleetPool.Core.Organisation;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

public abstract class SiteRulesTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private SiteRules Rules => App.Services.GetRequiredService<SiteRules>();
    private Actor Manager => Actor.Of(App.Ids.FleetManager, Roles.FleetManager);

    [Fact]
    public async Task Save_WeekdayHoursOnKeyBoxSite_BookingsFollowNewHours()
    {
        var site = (await Rules.ListAsync()).Single(s => s.Id == App.Ids.OpenSite);
        Assert.True(site.AlwaysOpen);
        var week = site.Week.Select(d => d.Day <= IsoDayOfWeek.Friday ? d with { Opens = new LocalTime(8, 0), Closes = new LocalTime(16, 0) } : d).ToList();
        var saved = await Rules.SaveAsync(Manager, site with { AlwaysOpen = false, Week = week, BufferMinutes = 30 });
        Assert.False(saved.Value!.AlwaysOpen);
        try
        {
            var client = await App.ClientForAsync(TestData.Staff);
            var early = await client.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-04-28T07:00:00+02:00", "2026-04-28T09:00:00+02:00"));
            await early.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "start");
            var ok = await client.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-04-28T09:00:00+02:00", "2026-04-28T10:00:00+02:00"));
            Assert.Equal("2026-04-28T10:30:00+02:00", (await ok.JsonAsync()).GetProperty("blockedUntil").GetString());
        }
        finally
        {
            await Rules.SaveAsync(Manager, site);
        }
    }

    [Fact]
    public async Task Save_ClosingBeforeOpeningOrStaff_Refused()
    {
        var site = (await Rules.ListAsync()).Single(s => s.Id == App.Ids.WeekdaySite);
        var bad = site.Week.Select(d => d.Day == IsoDayOfWeek.Monday ? d with { Opens = new LocalTime(18, 0), Closes = new LocalTime(7, 0) } : d).ToList();
        var refused = await Rules.SaveAsync(Manager, site with { Week = bad, BufferMinutes = -5 });
        Assert.Equal(["bufferMinutes", "week.Monday"], refused.Problem!.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ProblemKind.Forbidden, (await Rules.SaveAsync(Actor.Of(App.Ids.Staff, Roles.Staff), site)).Problem!.Kind);
    }
}

public sealed class SiteRulesTestsOnSqlite(SqliteApp app) : SiteRulesTests<SqliteApp>(app);

public sealed class SiteRulesTestsOnPostgres(PostgresApp app) : SiteRulesTests<PostgresApp>(app);
