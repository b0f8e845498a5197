using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Web.Setup;

/// <summary>
/// Six months of past trips (returned, cancelled and no-shows, with odometer readings and refuelling) and a few
/// upcoming reservations, so reports have data from the first run. Trips go to the demo places, so distances follow the
/// map; car trips within e-bike distance carry the reasons people give. Deterministic: the same seed gives the same history.
/// </summary>
internal sealed class DemoHistory(FleetPoolDb db, OrganisationTime time, Instant now, IDistanceEstimator distances)
{
    private static readonly string[] Purposes = ["Hembesök", "Möte med förvaltning", "Platsbesök bygglov", "Tillsyn", "Utbildning", "Leverans av material", "Skolbesök"];
    // Short car trips before and after steering: about a quarter without a reason (booked before reasons were asked).
    private static readonly string?[] ShortCarReasons = [null, null, "equipment", "equipment", "passengers", "timeCritical", "weather", "health", "Kör vidare till nästa möte"];
    private readonly Random _random = new(2025);
    private Dictionary<int, List<(Place Place, double Km)>> _reach = [];

    public void Add(List<Vehicle> vehicles, List<AppUser> users, List<Core.Organisation.CostCenter> costCenters, IEnumerable<Site> sites, IReadOnlyList<Place> places)
    {
        _reach = sites.ToDictionary(s => s.Id, s => places
            .Select(p => (p, Math.Round(distances.RoadKm(new GeoPoint(s.Latitude, s.Longitude), new GeoPoint(p.Latitude, p.Longitude)), 1))).ToList());
        var drivers = users.Where(u => u.LicenceVerifiedAt is not null).ToList();
        var today = time.DateOf(now);
        for (var day = today.PlusDays(-182); day < today; day = day.PlusDays(1))
        {
            if (day.DayOfWeek > IsoDayOfWeek.Friday || SwedishHolidays.IsHoliday(day))
            {
                continue;
            }
            foreach (var vehicle in vehicles)
            {
                var motor = vehicle.Kind.IsMotorVehicle();
                if (_random.NextDouble() < (motor ? 0.45 : 0.35))
                {
                    var booker = motor ? drivers[_random.Next(drivers.Count)] : users[_random.Next(users.Count)];
                    db.Bookings.Add(Trip(vehicle, booker, day, costCenters));
                }
            }
        }
        AddUpcoming(vehicles, users[0], costCenters, today);
    }

    private Booking Trip(Vehicle v, AppUser booker, LocalDate day, List<Core.Organisation.CostCenter> costCenters)
    {
        var start = time.Zone.AtStrictly(day.At(new LocalTime(8, 0)).PlusMinutes(30 * _random.Next(0, 11))).ToInstant();
        var end = start + Duration.FromMinutes(60 * _random.Next(1, 5));
        var motor = v.Kind.IsMotorVehicle();
        var reachable = _reach[v.SiteId].Where(r => motor || r.Km <= 10).ToList();
        var (place, distance) = reachable.Count > 0 ? reachable[_random.Next(reachable.Count)] : (null, 3.0);
        var roll = _random.NextDouble();
        var b = new Booking
        {
            VehicleId = v.Id, Start = start, End = end, BlockedUntil = end + Duration.FromMinutes(15), BookerId = booker.Id,
            Purpose = Purposes[_random.Next(Purposes.Length)], Destination = place is { Confidential: false } ? place.Name : null,
            DestinationPlaceId = place is { Confidential: false } ? place.Id : null,
            DistanceKm = distance, CostCenterId = CostCenterOf(booker, costCenters),
            CreatedAt = start - Duration.FromDays(_random.Next(1, 10)), AlternativeCheck = _random.NextDouble() < 0.7 ? "no" : "notAsked",
            CarReason = motor && distance <= 10 ? ShortCarReasons[_random.Next(ShortCarReasons.Length)] : null,
            EstimatedCo2eGrams = Math.Round(2 * distance * FuelCatalog.For(v.Kind, v.Fuel).GramsCo2ePerKm),
            Status = roll < 0.88 ? BookingStatus.Returned : roll < 0.95 ? BookingStatus.Cancelled : BookingStatus.NoShow,
        };
        if (b.Status != BookingStatus.Returned)
        {
            b.ClosedAt = b.Status == BookingStatus.Cancelled ? start - Duration.FromHours(2) : end;
            return b;
        }
        var returned = end - Duration.FromMinutes(_random.Next(0, 30));
        (b.CheckedOutAt, b.ReturnedAt, b.BlockedUntil) = (start, returned, returned + Duration.FromMinutes(15));
        if (motor)
        {
            var charged = v.Fuel is FuelType.Electric or FuelType.PluginHybrid;
            b.OdometerOutKm = v.LastOdometerKm;
            v.LastOdometerKm += (int)Math.Round(2 * distance * (0.95 + (_random.NextDouble() * 0.2)));
            b.OdometerInKm = v.LastOdometerKm;
            (b.BatteryOutPercent, b.BatteryInPercent) = charged ? (_random.Next(60, 101), _random.Next(20, 60)) : ((int?)null, (int?)null);
            (b.FuelOutEighths, b.FuelInEighths) = charged ? ((int?)null, (int?)null) : (_random.Next(4, 9), _random.Next(1, 4));
            var refuel = Refuel(v, returned, b.OdometerInKm.Value - b.OdometerOutKm.Value);
            if (refuel is not null)
            {
                db.Refuellings.Add(refuel);
            }
            (b.ActualKm, b.ActualCo2eGrams) = TripSteering.Actual(v, b, refuel?.FuelTanked);
        }
        else
        {
            (b.ActualKm, b.ActualCo2eGrams) = TripSteering.Actual(v, b, null);
        }
        return b;
    }

    // Fuel is bought when a tank's worth has been used (6.5 l, 4.5 kg or 18 kWh per 100 km); electric cars charge mostly at
    // the depot, which check-in never sees: only about one charge in four (a public charger) is recorded with the trip.
    private Refuelling? Refuel(Vehicle v, Instant at, int km)
    {
        var fuel = v.Fuel switch
        {
            FuelType.E85 when _random.NextDouble() < 0.3 => FuelType.Petrol,
            FuelType.PluginHybrid => _random.NextDouble() < 0.6 ? FuelType.Electric : FuelType.Petrol,
            { } f => f,
            _ => FuelType.Electric,
        };
        var (perKm, fill) = FuelCatalog.RefuelUnit(fuel) switch { "kWh" => (0.18, 30.0), "kg" => (0.045, 12.0), _ => (0.065, 30.0) };
        var used = _used.GetValueOrDefault(v.Id) + km * perKm;
        if (used < fill)
        {
            _used[v.Id] = used;
            return null;
        }
        _used[v.Id] = 0;
        return fuel == FuelType.Electric && _random.NextDouble() < 0.75 ? null
            : new Refuelling { VehicleId = v.Id, At = at, FuelTanked = fuel, Amount = Math.Round(used, 1) };
    }

    private readonly Dictionary<int, double> _used = [];

    private void AddUpcoming(List<Vehicle> vehicles, AppUser staff, List<Core.Organisation.CostCenter> costCenters, LocalDate today)
    {
        var site = vehicles[0].SiteId;
        var picks = new[] { vehicles.First(v => v.Kind == VehicleKind.EBike && v.SiteId == site), vehicles.First(v => v.Fuel == FuelType.Electric && v.SiteId == site) };
        var day = today.PlusDays(1);
        foreach (var v in picks)
        {
            while (day.DayOfWeek > IsoDayOfWeek.Friday || SwedishHolidays.IsHoliday(day))
            {
                day = day.PlusDays(1);
            }
            var start = time.Zone.AtStrictly(day.At(new LocalTime(9, 0))).ToInstant();
            db.Bookings.Add(new Booking
            {
                VehicleId = v.Id, Start = start, End = start + Duration.FromHours(2), BlockedUntil = start + Duration.FromMinutes(135),
                BookerId = staff.Id, Purpose = "Möte i Flemingsberg", Destination = "Flemingsberg", DistanceKm = 3.4,
                CostCenterId = CostCenterOf(staff, costCenters), CreatedAt = now, Status = BookingStatus.Reserved, AlternativeCheck = "no",
            });
            day = day.PlusDays(1);
        }
    }

    private static int CostCenterOf(AppUser user, List<Core.Organisation.CostCenter> costCenters) =>
        (costCenters.Find(c => c.OrgUnitId == user.DepartmentId) ?? costCenters[0]).Id;
}
