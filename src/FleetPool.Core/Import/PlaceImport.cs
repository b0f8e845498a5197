using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Steering;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Import;

/// <summary>
/// Place lines: name (unique), address, WGS84 coordinates (decimal point or comma), confidential (default no) and owner
/// (the department whose members may locate a confidential place; optional).
/// </summary>
internal sealed class PlaceImport : ImportTarget<Place>
{
    public static readonly IReadOnlyList<string> Header = ["name", "address", "latitude", "longitude", "confidential", "owner"];

    private HashSet<string> _names = [];
    private Dictionary<string, int> _units = [];

    public override IReadOnlyList<string> Columns => Header;

    public override async Task LoadAsync(FleetPoolDb db, CancellationToken ct)
    {
        _names = (await db.Places.Select(p => p.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _units = (await db.OrgUnits.AsNoTracking().ToListAsync(ct)).GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.OrdinalIgnoreCase);
    }

    public override Place? Read(ImportRow row, Instant now)
    {
        var input = new PlaceInput(row.Required("name"), row.Text("address"), row.Decimal("latitude"), row.Decimal("longitude"), row.YesNo("confidential") ?? false,
            row.Named("owner", _units, "NoDepartment"));
        var errors = input.Validate();
        errors.AddIf(input.Name is { } name && !_names.Add(name), "name", Text.Get("ImportNameTaken", input.Name ?? ""));
        row.AddValidation(errors);
        return row.Errors.Count > 0 ? null
            : new Place { Name = input.Name!, Address = input.Address, Latitude = input.Latitude!.Value, Longitude = input.Longitude!.Value, Confidential = input.Confidential, OwnerUnitId = input.OwnerUnitId };
    }
}
