using System.Net;
using System.Net.Http.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Sustainability;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

public class DemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Seed_Development_ShareSnapshotsRiseToSeventyOnePercentToday()
    {
        var org = await app.QueryAsync(db => db.FleetShareSnapshots.AsNoTracking()
            .Where(x => x.Level == Core.Reporting.UnitLevel.Organisation).OrderBy(x => x.Date).ToListAsync());

        var yearEnds = org.Count(x => x.Date.Month == 12 && x.Date.Day == 31);
        Assert.Equal(25 + 1 + yearEnds, org.Count); // the first of each month from 24 months back to this one, each year end, and today
        Assert.True(yearEnds >= 2, $"{yearEnds} year ends");
        var (official, inPractice) = (org[^1].FossilIndependentShare(ShareDefinition.Official)!.Value, org[^1].FossilIndependentShare(ShareDefinition.InPractice)!.Value);
        Assert.InRange(official, 0.70, 0.72);   // seed 000: 71 %
        Assert.InRange(inPractice, 0.55, 0.68); // four HVO100-approved diesels run on diesel
        var firstShare = org[0].FossilIndependentShare(ShareDefinition.Official);
        Assert.True(firstShare < official, $"{firstShare} then {official}");
        Assert.InRange(org[^1].FossilFreeEnergyShare!.Value, 0.3, 1.0);
        Assert.True(org[^1].Co2eKg > 0);
    }

    [Fact]
    public async Task Seed_Development_HuddingeLikeFleetAboutSeventyOnePercentFossilFree()
    {
        var (boards, sites, vehicles) = await app.QueryAsync(async db => (
            await db.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.Board),
            await db.Sites.CountAsync(),
            await db.Vehicles.ToListAsync()));
        var motor = vehicles.Where(v => v.Kind.IsMotorVehicle() && v.Status != VehicleStatus.Retired).ToList();
        Assert.True(boards >= 4, $"{boards} boards");
        Assert.Equal(3, sites);
        Assert.True(motor.Count >= 40, $"{motor.Count} cars and vans");
        Assert.True(vehicles.Count(v => !v.Kind.IsMotorVehicle()) >= 10, "at least 10 bikes and e-bikes");
        var share = (double)motor.Count(v => FossilIndependence.Counts(v, ShareDefinition.Official)) / motor.Count;
        Assert.InRange(share, 0.70, 0.72);
        Assert.Contains(motor, v => v.Fuel == FuelType.Diesel && v.ApprovedFuels.Contains(FuelType.Hvo100));
        Assert.Contains(motor, v => v.Fuel == FuelType.Hvo100);
        Assert.Contains(motor, v => v.Fuel == FuelType.Biogas);
        Assert.Contains(motor, v => v.Fuel == FuelType.PluginHybrid);
    }

    [Fact]
    public async Task Seed_Development_SixMonthsOfReturnedTripsWithoutOverlaps()
    {
        var bookings = await app.QueryAsync(db => db.Bookings.AsNoTracking().ToListAsync());
        var returned = bookings.Where(b => b.Status == BookingStatus.Returned).ToList();
        Assert.True(returned.Count > 1000, $"{returned.Count} returned trips");
        Assert.All(returned.Where(b => b.OdometerOutKm is not null), b => Assert.True(b.OdometerInKm > b.OdometerOutKm));
        var span = returned.Max(b => b.Start) - returned.Min(b => b.Start);
        Assert.True(span > Duration.FromDays(170), $"history spans {span.TotalDays:0} days");
        var holding = bookings.Where(b => BookingStatuses.HoldingSlot.Contains(b.Status)).GroupBy(b => b.VehicleId);
        foreach (var vehicle in holding)
        {
            var ordered = vehicle.OrderBy(b => b.Start).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), p => Assert.True(p.First.BlockedUntil <= p.Second.Start, $"overlap on vehicle {vehicle.Key}"));
        }
    }

    [Theory]
    [InlineData("staff@fleetpool.demo")]
    [InlineData("fleet@fleetpool.demo")]
    [InlineData("lead@fleetpool.demo")]
    [InlineData("admin@fleetpool.demo")]
    public async Task Login_DemoUser_SucceedsWithReadmePassword(string email)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Demo!2025pool" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Seed_RunTwice_AddsNothing()
    {
        var before = await app.QueryAsync(async db => (await db.Vehicles.CountAsync(), await db.Bookings.CountAsync(), await db.Users.CountAsync()));
        await Setup.DemoSeederAccess.SeedAsync(app.Services);
        var after = await app.QueryAsync(async db => (await db.Vehicles.CountAsync(), await db.Bookings.CountAsync(), await db.Users.CountAsync()));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Lead_BelongsToStaffDepartment()
    {
        var users = await app.QueryAsync(db => db.Users.Where(u => u.Email == "staff@fleetpool.demo" || u.Email == "lead@fleetpool.demo").ToListAsync());
        Assert.Single(users.Select(u => u.DepartmentId).Distinct());
    }

    [Fact]
    public async Task LeadOverview_DemoLead_OwnDepartmentInAggregateOnly()
    {
        var ids = await app.QueryAsync(db => db.Users.Where(u => u.Email == "lead@fleetpool.demo" || u.Email == "staff@fleetpool.demo")
            .ToDictionaryAsync(u => u.Email!, u => u.Id));
        var overview = app.Services.GetRequiredService<FleetPool.Core.Reporting.DepartmentOverview>();
        var view = (await overview.ForLeadAsync(FleetPool.Core.Common.Actor.Of(ids["lead@fleetpool.demo"], "Staff", "DepartmentLead"))).Value!;
        Assert.Equal(("Hemtjänst", "Socialnämnden"), (view.Department, view.Board));
        Assert.True(view.Trips > 0, "the demo history has trips in the last 30 days, by enough people to show");
        Assert.True(view.Cars >= view.FossilFreeCars);
        Assert.All(view.Recent, m => Assert.True(m.Km is null || m.Km > 0));
        Assert.Contains(view.Recent, m => m.Trips >= 5);
        var staff = await overview.ForLeadAsync(FleetPool.Core.Common.Actor.Of(ids["staff@fleetpool.demo"], "Staff"));
        Assert.Equal(FleetPool.Core.Common.ProblemKind.Forbidden, staff.Problem!.Kind);
    }

    [Fact]
    public async Task Todo_DemoFleetManager_StartsWithUpkeepAndAnApprovalToDecide()
    {
        var manager = await app.QueryAsync(db => db.Users.Where(u => u.Email == "fleet@fleetpool.demo").Select(u => u.Id).SingleAsync());
        var todo = (await app.Services.GetRequiredService<FleetPool.Core.Fleet.Todo.FleetTodo>()
            .ForAsync(FleetPool.Core.Common.Actor.Of(manager, "Staff", "FleetManager"))).Value!;

        var kinds = todo.Upkeep.Select(u => u.Item.Kind).ToHashSet();
        Assert.Contains(FleetPool.Core.Fleet.Upkeep.UpkeepKind.Service, kinds);
        Assert.Contains(FleetPool.Core.Fleet.Upkeep.UpkeepKind.Insurance, kinds);
        Assert.True(todo.Upkeep.Count is >= 3 and <= 12, string.Join(", ", todo.Upkeep.Select(u => $"{u.VehicleName} {u.Item}"))); // real work, not a wall of it
        Assert.Single(todo.Approvals);
    }
}
