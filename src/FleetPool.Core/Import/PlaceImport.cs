using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Steering;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Import;

/// <summary>Place lines: name (unique), address, WGS84 coordinates (decimal point or comma) and confidential (default no).</summary>
internal sealed class PlaceImport : ImportTarget<Place>
{
    public static readonly IReadOnlyList<string> Header = ["name", "address", "latitude", "longitude", "confidential"];

    private HashSet<string> _names = [];

    public override IReadOnlyList<string> Columns => Header;

    public override async Task LoadAsync(FleetPoolDb db, CancellationToken ct) =>
        _names = (await db.Places.Select(p => p.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public override Place? Read(ImportRow row, Instant now)
    {
        var input = new PlaceInput(row.Required("name"), row.Text("address"), row.Decimal("latitude"), row.Decimal("longitude"), row.YesNo("confidential") ?? false);
        var errors = input.Validate();
        errors.AddIf(input.Name is { } name && !_names.Add(name), "name", Text.Get("ImportNameTaken", input.Name ?? ""));
        row.AddValidation(errors);
        return row.Errors.Count > 0 ? null
            : new Place { Name = input.Name!, Address = input.Address, Latitude = input.Latitude!.Value, Longitude = input.Longitude!.Value, Confidential = input.Confidential };
    }
}
