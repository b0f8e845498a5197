using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>Fleet-manager services on the real database: retirement, damage reports, the vehicle page's figures.</summary>
public abstract class FleetServiceTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private Actor Manager => Actor.Of(App.Ids.FleetManager, Roles.FleetManager);
    private Actor Staff => Actor.Of(App.Ids.Staff, Roles.Staff);
    private T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    private async Task<int> BookAsync(int vehicleId, Instant start) =>
        (await Get<BookingService>().CreateAsync(Staff, new BookingRequest(vehicleId, start, start + Duration.FromHours(1), "Möte", TestData.CostCenter, 25, FossilReason: ApiCalls.TowBar))).Value!.Id;

    private async Task<int> AddCarAsync(string registration) =>
        (await Get<VehicleService>().CreateAsync(Manager, new VehicleInput(VehicleKind.Car, $"Yaris {registration}", registration, App.Ids.OpenSite,
            App.Ids.Department, FuelType.Petrol, Seats: 5, RangeKm: 600))).Value!.Id;

    [Fact]
    public async Task Retire_MoveFutureBookings_MovedWhereFreeCancelledElse()
    {
        var retiring = await AddCarAsync("RET 001");
        var sibling = await AddCarAsync("RET 002");
        var nine = Instant.FromUtc(2026, 4, 14, 7, 0);
        var movable = await BookAsync(retiring, nine);
        var blocked = await BookAsync(retiring, nine + Duration.FromHours(3));
        // Every other active car at the site is taken at the second slot, so that one cannot move.
        var others = await App.QueryAsync(db => db.Vehicles.Where(v => v.SiteId == App.Ids.OpenSite && v.Kind == VehicleKind.Car
            && v.Status == VehicleStatus.Active && v.Id != retiring).Select(v => v.Id).ToListAsync());
        Assert.Contains(sibling, others);
        foreach (var other in others)
        {
            await BookAsync(other, nine + Duration.FromHours(3));
        }

        var result = await Get<Retirement>().RetireAsync(Manager, retiring, FutureBookings.Move);

        Assert.Equal((1, 1), (result.Value!.Moved, result.Value.Cancelled));
        var (moved, cancelled, vehicle) = await App.QueryAsync(async db => (await db.Bookings.SingleAsync(b => b.Id == movable),
            await db.Bookings.SingleAsync(b => b.Id == blocked), await db.Vehicles.SingleAsync(v => v.Id == retiring)));
        Assert.NotEqual(retiring, moved.VehicleId);
        Assert.Equal(BookingStatus.Reserved, moved.Status);
        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.Equal((VehicleStatus.Retired, new LocalDate(2026, 3, 16)), (vehicle.Status, vehicle.RetiredOn!.Value));
    }

    [Fact]
    public async Task Retire_Cancel_AllFutureCancelledAndStaffMayNot()
    {
        var retiring = await AddCarAsync("RET 003");
        var booking = await BookAsync(retiring, Instant.FromUtc(2026, 4, 15, 7, 0));
        Assert.Equal(ProblemKind.Forbidden, (await Get<Retirement>().RetireAsync(Staff, retiring, FutureBookings.Cancel)).Problem!.Kind);
        var result = await Get<Retirement>().RetireAsync(Manager, retiring, FutureBookings.Cancel);
        Assert.Equal((0, 1), (result.Value!.Moved, result.Value.Cancelled));
        Assert.Equal(BookingStatus.Cancelled, await App.QueryAsync(db => db.Bookings.Where(b => b.Id == booking).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Damage_ReportedByStaffResolvedByManager_FlagsThenClearsVehicle()
    {
        var reports = Get<DamageReports>();
        var id = (await reports.ReportAsync(Staff, App.Ids.Bike, new DamageInput("Punktering bak", InjuryAccident: false))).Value;
        Assert.Equal(1, (await Get<VehicleService>().GetAsync(App.Ids.Bike)).Value!.OpenDamageReports);
        var slot = Instant.FromUtc(2026, 5, 5, 7, 0);
        var available = (await Get<AvailabilityService>().FindAsync(Staff, new AvailabilityQuery(App.Ids.OpenSite, slot, slot + Duration.FromHours(1)))).Value!;
        Assert.Equal(1, available.Vehicles.Single(v => v.Vehicle.Id == App.Ids.Bike).Vehicle.OpenDamageReports);
        Assert.Equal(ProblemKind.Forbidden, (await reports.ResolveAsync(Staff, id)).Problem!.Kind);
        Assert.True((await reports.ResolveAsync(Manager, id)).Succeeded);
        Assert.Equal(0, (await Get<VehicleService>().GetAsync(App.Ids.Bike)).Value!.OpenDamageReports);
        Assert.Equal(ProblemKind.Invalid, (await reports.ReportAsync(Staff, App.Ids.Bike, new DamageInput(" "))).Problem!.Kind);
    }

    [Fact]
    public async Task Details_DamageReport_TextForReporterAndManagerOnly()
    {
        var car = await AddCarAsync("DMG 001");
        Assert.True((await Get<DamageReports>().ReportAsync(Staff, car, new DamageInput("Backade på Per, han bröt foten", InjuryAccident: true))).Succeeded);
        var details = Get<VehicleDetails>();

        var reporter = Assert.Single((await details.GetAsync(Staff, car)).Value!.Damage);
        var manager = Assert.Single((await details.GetAsync(Manager, car)).Value!.Damage);
        var colleague = Assert.Single((await details.GetAsync(Actor.Of(App.Ids.Unlicensed, Roles.Staff), car)).Value!.Damage);

        Assert.Equal(("Backade på Per, han bröt foten", true), (reporter.Description, reporter.InjuryAccident!.Value));
        Assert.Equal(("Backade på Per, han bröt foten", true), (manager.Description, manager.InjuryAccident!.Value));
        Assert.Equal(((string?)null, (bool?)null), (colleague.Description, colleague.InjuryAccident));
        Assert.Equal(reporter.ReportedAt, colleague.ReportedAt); // that a report exists stays visible
    }

    [Fact]
    public async Task Details_ManagerVersusStaff_TimelineAndCostsOnlyForManager()
    {
        var car = await AddCarAsync("DET 001");
        await BookAsync(car, Instant.FromUtc(2026, 4, 16, 7, 0));
        var details = Get<VehicleDetails>();
        var managers = (await details.GetAsync(Manager, car)).Value!;
        var staffs = (await details.GetAsync(Staff, car)).Value!;
        Assert.Single(managers.Timeline);
        Assert.NotNull(managers.Costs);
        Assert.Empty(staffs.Timeline);
        Assert.Null(staffs.Costs);
        Assert.Equal(ProblemKind.NotFound, (await details.GetAsync(Manager, 999_999)).Problem!.Kind);
    }

    [Fact]
    public async Task Details_TripsInAndAcrossTheWindow_UtilisationIsHoursUsedOverThirtyDays()
    {
        var car = await AddCarAsync("UTL 001");
        var now = FleetPoolFactory.Monday8;
        await BookAsync(car, now + Duration.FromDays(3)); // ahead: not counted
        await using (var db = await Get<IDbContextFactory<Core.Data.FleetPoolDb>>().CreateDbContextAsync())
        {
            var costCenter = await db.CostCenters.Select(c => c.Id).FirstAsync();
            Booking Trip(Instant start, Duration length, Instant returned) => new()
            {
                VehicleId = car, BookerId = App.Ids.Staff, Start = start, End = start + length, BlockedUntil = start + length, ReturnedAt = returned,
                Status = BookingStatus.Returned, Purpose = "Möte", CostCenterId = costCenter, CreatedAt = start,
            };
            var early = now - Duration.FromDays(10);
            db.Bookings.Add(Trip(early, Duration.FromHours(6), early + Duration.FromHours(3))); // back after 3 of 6 hours: 3 counted
            var across = now - Duration.FromDays(31);
            db.Bookings.Add(Trip(across, Duration.FromHours(48), across + Duration.FromHours(48))); // 24 of its 48 hours inside the 30 days
            await db.SaveChangesAsync();
        }

        var utilisation = (await Get<VehicleDetails>().GetAsync(Manager, car)).Value!.Utilisation;

        Assert.Equal((3 + 24) / (VehicleDetails.UtilisationDays * 24.0), utilisation, 9);
    }
}

public sealed class FleetServiceTestsOnSqlite(SqliteApp app) : FleetServiceTests<SqliteApp>(app);

public sealed class FleetServiceTestsOnPostgres(PostgresApp app) : FleetServiceTests<PostgresApp>(app);
