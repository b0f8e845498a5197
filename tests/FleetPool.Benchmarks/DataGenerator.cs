using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Benchmarks;

/// <summary>What the generator made: the ids the scenarios need.</summary>
public sealed record Dataset(int Vehicles, long Bookings, List<int> SiteIds, List<int> ElectricCarIds, List<(int Id, string Email)> Clients,
    int FleetManagerId, string FleetManagerEmail, string CostCenter);

/// <summary>
/// A deterministic municipality (seed 42) written into the migrated schema: boards and departments, one site per 50
/// vehicles (open around the clock), a fuel mix like a Swedish pool fleet, 34 users, and past bookings spread over two
/// years (95 % returned with km and CO2e, the rest cancelled or no-shows) plus reservations in the next 30 days.
/// Organisation, vehicles and users go through EF and Identity; bookings and refuellings through the engine's bulk path
/// (<see cref="IBulkWriter"/>).
/// </summary>
public static class DataGenerator
{
    public const string Password = "Bench!2025pool";
    private static readonly (VehicleKind Kind, FuelType? Fuel, int Weight)[] Mix =
    [
        (VehicleKind.Car, FuelType.Electric, 24), (VehicleKind.Car, FuelType.Hvo100, 8), (VehicleKind.Car, FuelType.Biogas, 6),
        (VehicleKind.Car, FuelType.PluginHybrid, 4), (VehicleKind.Car, FuelType.Petrol, 10), (VehicleKind.Car, FuelType.Diesel, 8),
        (VehicleKind.Van, FuelType.Electric, 5), (VehicleKind.Van, FuelType.Diesel, 5),
        (VehicleKind.EBike, FuelType.Electric, 20), (VehicleKind.Bike, null, 10),
    ];

    /// <summary>Generated reservations lie in the next this many days; the scenarios book beyond.</summary>
    public const int FutureDays = 30;

    public static async Task<Dataset> GenerateAsync(IServiceProvider services, BenchDatabase database, int vehicleCount, long bookingCount, Instant now)
    {
        var random = new Random(42);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetPoolDb>();
        var boards = Enumerable.Range(1, 3).Select(i => new OrgUnit { Name = $"Nämnd {i}", Kind = OrgUnitKind.Board }).ToList();
        var departments = Enumerable.Range(0, 12).Select(i => new OrgUnit { Name = $"Avdelning {i + 1}", Kind = OrgUnitKind.Department, Parent = boards[i % 3] }).ToList();
        var sites = Enumerable.Range(1, Math.Max(1, vehicleCount / 50))
            .Select(i => new Site { Name = $"Station {i}", Address = $"Gatan {i}", Latitude = 59.2 + i * 0.001, Longitude = 17.9 + i * 0.001, OpenOnHolidays = true }).ToList();
        db.AddRange(boards);
        db.AddRange(departments);
        db.AddRange(sites);
        await db.SaveChangesAsync();
        var costCenters = departments.Select((d, i) => new CostCenter { Code = $"{5100 + i}", Name = d.Name, OrgUnitId = d.Id }).ToList();
        db.AddRange(costCenters);
        var totalWeight = Mix.Sum(m => m.Weight);
        var vehicles = Enumerable.Range(0, vehicleCount).Select(i =>
        {
            var pick = random.Next(totalWeight);
            var (kind, fuel, _) = Mix.First(m => (pick -= m.Weight) < 0);
            return new Vehicle
            {
                Name = $"{kind} {i + 1}", Kind = kind, Fuel = fuel, SiteId = sites[i % sites.Count].Id, DepartmentId = departments[i % departments.Count].Id,
                Registration = kind.IsMotorVehicle() ? $"BEN {i:00000}" : null, Seats = kind.IsMotorVehicle() ? 5 : 1, RangeKm = kind.IsMotorVehicle() ? 400 : 60,
                Status = VehicleStatus.Active, AcquiredOn = new LocalDate(2023, 1, 1).PlusDays(random.Next(900)), LastOdometerKm = 10_000,
            };
        }).ToList();
        db.AddRange(vehicles);
        await db.SaveChangesAsync();

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<int>>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole<int>(role));
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clients = new List<(int, string)>();
        for (var i = 0; i < 34; i++)
        {
            var email = $"bench{i}@fleetpool.bench";
            var user = new AppUser
            {
                UserName = email, Email = email, DisplayName = $"Bänk {i}", DepartmentId = departments[0].Id, LicenceClasses = "B", // they charge costCenters[0], their own
                LicenceExpiresOn = new LocalDate(2035, 1, 1), LicenceVerifiedAt = now,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRolesAsync(user, i == 33 ? [Roles.Staff, Roles.FleetManager, Roles.Admin] : [Roles.Staff]); // the last one sees every list
            clients.Add((user.Id, email));
        }

        var written = await WriteBookingsAsync(database, vehicles, clients.Select(c => c.Item1).ToList(), costCenters.Select(c => c.Id).ToList(), bookingCount, now, random);
        return new Dataset(vehicleCount, written, sites.Select(s => s.Id).ToList(),
            vehicles.Where(v => v.Kind == VehicleKind.Car && v.Fuel == FuelType.Electric).Select(v => v.Id).ToList(),
            clients.Take(32).ToList(), clients[33].Item1, clients[33].Item2, costCenters[0].Code);
    }

    private static async Task<long> WriteBookingsAsync(BenchDatabase database, List<Vehicle> vehicles, List<int> users, List<int> costCenters, long count, Instant now, Random random)
    {
        await using var writer = await database.BulkWriterAsync();
        var perVehicle = Math.Max(1, count / vehicles.Count);
        var future = Math.Max(1, perVehicle / 40); // ~2.5 % are reservations in the next 30 days
        var past = perVehicle - future;
        var span = Duration.FromDays(730);
        var step = span / past;
        long written = 0;
        foreach (var v in vehicles)
        {
            var motor = v.Kind.IsMotorVehicle();
            var gPerKm = FuelCatalog.For(v.Kind, v.Fuel).GramsCo2ePerKm;
            var odometer = 10_000;
            for (long i = 0; i < perVehicle; i++)
            {
                var isFuture = i >= past;
                var start = isFuture
                    ? now + Duration.FromDays(1 + (i - past) * (FutureDays - 1) / future) + Duration.FromHours(random.Next(8))
                    : now - span + step * i + Duration.FromMinutes(random.Next(60));
                var length = Duration.FromMinutes(30 + random.Next(Math.Min(210, Math.Max(31, (int)step.TotalMinutes - 60))));
                var roll = random.Next(100);
                var status = isFuture ? "Reserved" : roll < 95 ? "Returned" : roll < 98 ? "Cancelled" : "NoShow";
                var distance = Math.Round(motor ? 2 + random.NextDouble() * 58 : 1 + random.NextDouble() * 9, 1);
                var returned = status == "Returned";
                var km = returned ? 2 * distance : (double?)null;
                var user = users[random.Next(32)];
                var costCenter = costCenters[random.Next(costCenters.Count)];
                await writer.AddAsync(new BookingRow(v.Id, start, start + length, user, costCenter, status, distance, km,
                    returned && motor && roll < 70 ? km!.Value * gPerKm : null, 2 * distance * gPerKm,
                    returned && motor ? odometer : null, returned && motor ? odometer + (int)Math.Round(km!.Value) : null,
                    motor && distance <= 10 ? (roll % 3 == 0 ? "passengers" : "weather") : null));
                if (returned && motor)
                {
                    odometer += (int)Math.Round(km!.Value);
                    if (i % 12 == 0 && v.Fuel is { } fuel)
                    {
                        await writer.AddRefuelAsync(v.Id, start + length, fuel.ToString(), 20 + random.Next(30));
                    }
                }
                written++;
            }
        }
        await writer.CompleteAsync();
        return written;
    }
}
