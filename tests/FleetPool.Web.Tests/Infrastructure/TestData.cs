using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>Ids of the fixture organisation.</summary>
public sealed record TestIds(
    int OpenSite, int WeekdaySite, int Department, int OtherDepartment, int ElectricCar, int PetrolCar, int EBike,
    int Bike, int MaintenanceCar, int WeekdayCar, int RaceCar, int Staff, int Unlicensed, int FleetManager, int Lead, int Admin, int Leaver);

/// <summary>A small organisation: one board, two departments, an always-open site and a weekday site, a few vehicles, five users.</summary>
public static class TestData
{
    public const string Password = "Test!2026pool";
    public const string CostCenter = "4110";
    public const string Staff = "staff@test.se", Unlicensed = "nolicence@test.se", Fleet = "fleet@test.se", Lead = "lead@test.se", Admin = "admin@test.se", Leaver = "leaver@test.se";

    public static async Task<TestIds> SeedAsync(IServiceProvider root)
    {
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetPoolDb>();
        var board = new OrgUnit { Name = "Kommunstyrelsen", Kind = OrgUnitKind.Board };
        var dept = new OrgUnit { Name = "Hemtjänst", Kind = OrgUnitKind.Department, Parent = board };
        var other = new OrgUnit { Name = "Bygglov", Kind = OrgUnitKind.Department, Parent = board };
        var open = new Site { Name = "Nyckelskåp", Address = "Torget 1", Latitude = 59.23, Longitude = 17.98 };
        var weekday = new Site
        {
            Name = "Kommunalhuset", Address = "Kommunalvägen 28", Latitude = 59.2366, Longitude = 17.9813,
            OpeningHours = Enumerable.Range(1, 5).Select(d => new OpeningHours { Day = (IsoDayOfWeek)d, Opens = new LocalTime(7, 0), Closes = new LocalTime(18, 0) }).ToList(),
        };
        db.AddRange(board, dept, other, open, weekday);
        await db.SaveChangesAsync();
        db.CostCenters.Add(new CostCenter { Code = CostCenter, Name = "Hemtjänst", OrgUnitId = dept.Id });
        Vehicle V(string name, VehicleKind kind, FuelType? fuel, Site site, string? reg = null, VehicleStatus status = VehicleStatus.Active) => new()
        {
            Name = name, Kind = kind, Fuel = fuel, SiteId = site.Id, DepartmentId = dept.Id, Registration = reg, Status = status,
            Seats = kind.IsMotorVehicle() ? 5 : 1, RangeKm = 400, AcquiredOn = new LocalDate(2024, 1, 1), LastOdometerKm = 1000,
        };
        var vehicles = new[]
        {
            V("Kia e-Niro", VehicleKind.Car, FuelType.Electric, open, "EL 001"), V("Toyota Yaris", VehicleKind.Car, FuelType.Petrol, open, "PE 002"),
            V("Elcykel 1", VehicleKind.EBike, FuelType.Electric, open), V("Cykel 1", VehicleKind.Bike, null, open),
            V("Verkstadsbil", VehicleKind.Car, FuelType.Hvo100, open, "MA 003", VehicleStatus.Maintenance),
            V("Dagbil", VehicleKind.Car, FuelType.Biogas, weekday, "DA 004"), V("Racebil", VehicleKind.Car, FuelType.Electric, open, "RA 005"),
        };
        db.Vehicles.AddRange(vehicles);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<int>>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole<int>(role));
        }
        async Task<int> User(string email, int departmentId, bool licence, params string[] extra)
        {
            var user = new AppUser
            {
                UserName = email, Email = email, DisplayName = email, DepartmentId = departmentId, LicenceClasses = licence ? "B" : null,
                LicenceExpiresOn = licence ? new LocalDate(2030, 1, 1) : null, LicenceVerifiedAt = licence ? Instant.FromUtc(2026, 1, 1, 0, 0) : null,
            };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(";", created.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(user, [Roles.Staff, .. extra]);
            return user.Id;
        }
        return new TestIds(open.Id, weekday.Id, dept.Id, other.Id, vehicles[0].Id, vehicles[1].Id, vehicles[2].Id, vehicles[3].Id,
            vehicles[4].Id, vehicles[5].Id, vehicles[6].Id,
            await User(Staff, dept.Id, true), await User(Unlicensed, dept.Id, false), await User(Fleet, other.Id, true, Roles.FleetManager),
            await User(Lead, dept.Id, true, Roles.DepartmentLead), await User(Admin, other.Id, true, Roles.Admin), await User(Leaver, dept.Id, false));
    }
}
