using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Import;

/// <summary>Vehicle lines: kinds and fuels in English or Swedish, site and department by name, registrations unique.</summary>
internal sealed class VehicleImport(LocalDate today) : ImportTarget<Vehicle>
{
    public static readonly IReadOnlyList<string> Header = ["kind", "name", "registration", "site", "department", "fuel", "rangeKm", "seats", "acquiredOn"];

    private static readonly Dictionary<string, VehicleKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["car"] = VehicleKind.Car, ["bil"] = VehicleKind.Car, ["van"] = VehicleKind.Van, ["transportbil"] = VehicleKind.Van,
        ["ebike"] = VehicleKind.EBike, ["elcykel"] = VehicleKind.EBike, ["bike"] = VehicleKind.Bike, ["cykel"] = VehicleKind.Bike,
        ["cargobike"] = VehicleKind.CargoBike, ["lådcykel"] = VehicleKind.CargoBike,
    };

    private static readonly Dictionary<string, FuelType> Fuels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["petrol"] = FuelType.Petrol, ["bensin"] = FuelType.Petrol, ["diesel"] = FuelType.Diesel, ["hvo100"] = FuelType.Hvo100,
        ["biogas"] = FuelType.Biogas, ["fordonsgas"] = FuelType.Biogas, ["e85"] = FuelType.E85, ["electric"] = FuelType.Electric,
        ["el"] = FuelType.Electric, ["pluginhybrid"] = FuelType.PluginHybrid, ["laddhybrid"] = FuelType.PluginHybrid,
        ["hydrogen"] = FuelType.Hydrogen, ["vätgas"] = FuelType.Hydrogen,
    };

    private Dictionary<string, int> _sites = [];
    private Dictionary<string, int> _departments = [];
    private HashSet<string> _registrations = [];

    public override IReadOnlyList<string> Columns => Header;

    public override async Task LoadAsync(FleetPoolDb db, CancellationToken ct)
    {
        _sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        _departments = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Department)
            .ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        _registrations = (await db.Vehicles.Where(v => v.Registration != null).Select(v => v.Registration!).ToListAsync(ct))
            .Select(r => r.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    public override Vehicle? Read(ImportRow row, Instant now)
    {
        var input = new VehicleInput(row.OneOf("kind", Kinds), row.Text("name"), row.Text("registration"), row.Named("site", _sites, "NoSite"),
            row.Named("department", _departments, "NoDepartment"), row.OneOf("fuel", Fuels), null, row.Number("rangeKm"), row.Number("seats"), null,
            row.Date("acquiredOn"));
        row.AddValidation(input.Validate(), field => field switch { "siteId" => "site", "departmentId" => "department", _ => field });
        if (input.Registration is { } reg && !_registrations.Add(reg.Trim().ToUpperInvariant()))
        {
            row.Fail("registration", Text.Get("DuplicateRegistration"));
        }
        if (row.Errors.Count > 0)
        {
            return null;
        }
        var vehicle = new Vehicle { Name = "", StatusChangedAt = now };
        input.ApplyTo(vehicle, now, today);
        return vehicle;
    }
}
