using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Setup;

/// <summary>Seeds the demo municipality in Development: idempotent (does nothing when any unit exists), never in Production.</summary>
internal static class DemoSeeder
{
    public static async Task SeedAsync(IServiceProvider root)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<FleetPoolDb>();
        if (await db.OrgUnits.AnyAsync())
        {
            return;
        }
        var clock = services.GetRequiredService<IClock>();
        var today = services.GetRequiredService<Core.Time.OrganisationTime>().DateOf(clock.GetCurrentInstant());
        db.RecordAudit = false;
        var departments = await SeedOrganisationAsync(db);
        var sites = DemoOrganisation.Sites();
        db.Sites.AddRange(sites);
        await db.SaveChangesAsync();
        var vehicles = SeedVehicles(db, sites, departments, today);
        await db.SaveChangesAsync();
        var users = await SeedUsersAsync(services, departments, today, clock.GetCurrentInstant());
        var costCenters = await db.CostCenters.ToListAsync();
        var places = DemoOrganisation.Places();
        foreach (var place in places.Where(p => p.Confidential))
        {
            place.OwnerUnitId = departments.Single(d => d.Name == "Hemtjänst").Id; // home care visits the protected address
        }
        db.Places.AddRange(places);
        await db.SaveChangesAsync();
        new DemoHistory(db, services.GetRequiredService<Core.Time.OrganisationTime>(), clock.GetCurrentInstant(),
                services.GetRequiredService<Core.Steering.IDistanceEstimator>())
            .Add(vehicles.Where(v => v.Status != VehicleStatus.Retired).ToList(), users, costCenters, sites, places);
        await db.SaveChangesAsync();
        await SeedApprovalsAsync(services, db, users, vehicles, sites, clock, today);
        SeedUpkeep(db, vehicles, today);
        await db.SaveChangesAsync();
        // Monthly snapshots for two years, each year end (the targets' deadlines) and today, so the share report has a
        // trend, a year before and a value at the deadline from the first run.
        var job = services.GetRequiredService<Core.Reporting.FleetShareJob>();
        var first = new LocalDate(today.Year, today.Month, 1).PlusMonths(-24);
        for (var month = first; month < today; month = month.PlusMonths(1))
        {
            await job.RunForAsync(month);
        }
        for (var yearEnd = new LocalDate(first.Year, 12, 31); yearEnd < today; yearEnd = yearEnd.PlusYears(1))
        {
            await job.RunForAsync(yearEnd);
        }
        await job.RunForAsync(today);
    }

    private static async Task<List<OrgUnit>> SeedOrganisationAsync(FleetPoolDb db)
    {
        var departments = new List<OrgUnit>();
        var code = 4100;
        foreach (var (boardName, deptNames) in DemoOrganisation.Boards)
        {
            var board = new OrgUnit { Name = boardName, Kind = OrgUnitKind.Board };
            db.OrgUnits.Add(board);
            foreach (var name in deptNames)
            {
                var dept = new OrgUnit { Name = name, Kind = OrgUnitKind.Department, Parent = board };
                departments.Add(dept);
                db.OrgUnits.Add(dept);
            }
        }
        await db.SaveChangesAsync();
        foreach (var dept in departments)
        {
            db.CostCenters.Add(new CostCenter { Code = (code += 10).ToString(System.Globalization.CultureInfo.InvariantCulture), Name = dept.Name, OrgUnitId = dept.Id });
        }
        await db.SaveChangesAsync();
        return departments;
    }

    private static List<Vehicle> SeedVehicles(FleetPoolDb db, Site[] sites, List<OrgUnit> departments, LocalDate today)
    {
        var vehicles = new List<Vehicle>();
        var n = 0;
        foreach (var (kind, fuel, hvo100Approved, model, count, range, seats) in DemoOrganisation.MotorMix)
        {
            for (var i = 0; i < count; i++, n++)
            {
                // An HVO100-approved diesel counts officially already; the plan is a fuel choice, not a replacement.
                var fossil = !FuelCatalog.IsFossilIndependent(fuel) && !hvo100Approved;
                vehicles.Add(new Vehicle
                {
                    Kind = kind, Name = $"{model} {i + 1}", Registration = $"{(char)('A' + (n % 26))}{(char)('B' + (n / 26))}K {100 + n:000}",
                    SiteId = sites[n % sites.Length].Id, DepartmentId = departments[n % departments.Count].Id, Fuel = fuel,
                    ApprovedFuels = hvo100Approved ? [FuelType.Hvo100] : [], RangeKm = range, Seats = seats,
                    // Fossil-free cars are the newer ones, so the share has risen over the years (as in seed 000).
                    AcquiredOn = fossil ? today.PlusMonths(-36 - (n % 36)) : today.PlusMonths(-4 - (n % 30)), LastOdometerKm = 5_000 + (n * 1_311 % 60_000),
                    PlannedRetirementOn = fossil ? new LocalDate(2026 + (n % 3), 12, 31) : null,
                    ReplacementFuel = fossil ? FuelType.Electric : null,
                });
            }
        }
        foreach (var (kind, model, count) in DemoOrganisation.BikeMix)
        {
            for (var i = 0; i < count; i++, n++)
            {
                vehicles.Add(new Vehicle
                {
                    Kind = kind, Name = $"{model} {i + 1}", SiteId = sites[n % sites.Length].Id,
                    DepartmentId = departments[n % departments.Count].Id, Fuel = kind == VehicleKind.Bike ? null : FuelType.Electric,
                    RangeKm = kind == VehicleKind.Bike ? null : 60, Seats = 1, AcquiredOn = today.PlusMonths(-8),
                });
            }
        }
        // Fossil cars already phased out, one every four months: the history behind today's share.
        for (var k = 0; k < 8; k++, n++)
        {
            var retiredOn = today.PlusMonths(-3 - (4 * k));
            vehicles.Add(new Vehicle
            {
                Kind = VehicleKind.Car, Name = $"{(k % 2 == 0 ? "VW Passat" : "Volvo V70")} (avyttrad) {k + 1}", Registration = $"OLD {100 + k}",
                SiteId = sites[k % sites.Length].Id, DepartmentId = departments[k % departments.Count].Id,
                Fuel = k % 2 == 0 ? FuelType.Petrol : FuelType.Diesel, RangeKm = 800, Seats = 5, AcquiredOn = today.PlusMonths(-96),
                Status = VehicleStatus.Retired, RetiredOn = retiredOn, LastOdometerKm = 150_000,
            });
        }
        db.Vehicles.AddRange(vehicles);
        return vehicles;
    }

    private static async Task<List<AppUser>> SeedUsersAsync(IServiceProvider services, List<OrgUnit> departments, LocalDate today, Instant now)
    {
        var manager = services.GetRequiredService<UserManager<AppUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole<int>>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole<int>(role));
        }
        var users = new List<AppUser>();
        foreach (var (email, name, userRoles, licence) in DemoOrganisation.Users)
        {
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                DepartmentId = departments[users.Count < 3 ? 2 : users.Count % departments.Count].Id,
                LicenceClasses = licence ? "B" : null, LicenceExpiresOn = licence ? today.PlusYears(5) : null,
                LicenceVerifiedAt = licence ? now : null,
            };
            Check(await manager.CreateAsync(user, DemoOrganisation.Password));
            Check(await manager.AddToRolesAsync(user, [Roles.Staff, .. userRoles]));
            users.Add(user);
        }
        return users;
    }

    // Two rules a municipality might start with, and one booking waiting for the department lead (made through the
    // booking service, so it is pending exactly as a real one would be): the approvals page has something to show.
    private static async Task SeedApprovalsAsync(IServiceProvider services, FleetPoolDb db, List<AppUser> users, List<Vehicle> vehicles, Site[] sites,
        IClock clock, LocalDate today)
    {
        var now = clock.GetCurrentInstant();
        db.ApprovalRules.AddRange(
            new Core.Bookings.Approvals.ApprovalRule { Kind = Core.Bookings.Approvals.ApprovalRuleKind.VehicleKind, VehicleKind = VehicleKind.Van,
                Approver = Core.Bookings.Approvals.ApproverRole.FleetManager, CreatedAt = now },
            new Core.Bookings.Approvals.ApprovalRule { Kind = Core.Bookings.Approvals.ApprovalRuleKind.LongerThan, Hours = 8,
                Approver = Core.Bookings.Approvals.ApproverRole.DepartmentLead, CreatedAt = now });
        await db.SaveChangesAsync();
        var lead = users.Single(u => u.Email == "lead@fleetpool.demo");
        var booker = users.First(u => u.DepartmentId == lead.DepartmentId && u.Id != lead.Id && u.LicenceClasses is not null);
        var cabinet = sites.Single(s => s.Name == "Skogås nyckelskåp");
        var car = vehicles.First(v => v.SiteId == cabinet.Id && v.Kind == VehicleKind.Car && v.Status == VehicleStatus.Active && v.IsFossilIndependent);
        var costCenter = await db.CostCenters.Where(c => c.OrgUnitId == lead.DepartmentId && c.IsActive).Select(c => c.Code).FirstAsync();
        var time = services.GetRequiredService<Core.Time.OrganisationTime>();
        var day = today.PlusDays(8);
        var made = await services.GetRequiredService<Core.Bookings.BookingService>().CreateAsync(Actor.Of(booker.Id, Roles.Staff),
            new Core.Bookings.BookingRequest(car.Id, time.Resolve(day + new LocalTime(7, 30)).Instant, time.Resolve(day + new LocalTime(17, 30)).Instant,
                "Heldag med utbildning i Norrtälje", costCenter, 68));
        if (made.Value?.Status != Core.Bookings.BookingStatus.Pending)
        {
            throw new InvalidOperationException("The demo's pending booking was not made: " + made.Problem?.Summary);
        }
    }

    // Every car and van has an upkeep plan; a few are due (two services by date, one by km, an inspection, a car on the
    // wrong tyres for the season, an insurance ending), so the fleet manager's to-do list starts with some real work.
    // Most cars run all-season tyres (not tracked): a whole fleet due for its tyre change would bury the rest.
    private static void SeedUpkeep(FleetPoolDb db, List<Vehicle> vehicles, LocalDate today)
    {
        var wrongTyres = today.Month is >= 4 and <= 9 ? Core.Fleet.Upkeep.TyreSet.Winter : Core.Fleet.Upkeep.TyreSet.Summer;
        var cars = vehicles.Where(v => v.Kind.IsMotorVehicle() && v.Status != VehicleStatus.Retired).OrderBy(v => v.Id).ToList();
        for (var i = 0; i < cars.Count; i++)
        {
            var car = cars[i];
            // A car whose first inspection is near or past was inspected within the last ten months (car 1: due in ten days).
            var inspected = car.AcquiredOn.PlusMonths(36) < today.PlusDays(60) ? today.PlusMonths(i == 1 ? -14 : -(i % 10) - 1).PlusDays(i == 1 ? 10 : 0) : (LocalDate?)null;
            db.VehicleUpkeep.Add(new Core.Fleet.Upkeep.VehicleUpkeep
            {
                VehicleId = car.Id, ServiceIntervalMonths = 12, ServiceIntervalKm = 15_000,
                NextServiceOn = today.PlusDays(i switch { 0 => -5, 5 => 12, _ => 60 + i * 37 % 300 }),
                NextServiceKm = car.LastOdometerKm + (i == 3 ? 500 : 6_000 + 1_000 * i),
                FirstRegisteredOn = car.AcquiredOn, LastInspectedOn = inspected,
                Tyres = i == 2 ? wrongTyres : Core.Fleet.Upkeep.TyreSet.None,
                InsuranceEndsOn = i == 4 ? today.PlusDays(20) : new LocalDate(today.Year + 1, 12, 31),
            });
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
