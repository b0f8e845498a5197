using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Import;

/// <summary>
/// Site lines: name (unique), address, WGS84 coordinates (decimal point or comma), Monday–Friday hours
/// (<c>opens</c>/<c>closes</c>; both empty = always open, a key box) and whether it opens on public holidays.
/// </summary>
internal sealed class SiteImport : ImportTarget<Site>
{
    public static readonly IReadOnlyList<string> Header = ["name", "address", "latitude", "longitude", "opens", "closes", "openOnHolidays"];

    private HashSet<string> _names = [];

    public override IReadOnlyList<string> Columns => Header;

    public override async Task LoadAsync(FleetPoolDb db, CancellationToken ct) =>
        _names = (await db.Sites.Select(s => s.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public override Site? Read(ImportRow row, Instant now)
    {
        var (name, address) = (row.Required("name"), row.Required("address"));
        var (latitude, longitude) = (row.Decimal("latitude"), row.Decimal("longitude"));
        var (opens, closes) = (row.Time("opens"), row.Time("closes"));
        var holidays = row.YesNo("openOnHolidays");
        var errors = new FieldErrors().OptionalText(name, "name", 200).OptionalText(address, "address", 300)
            .Range(latitude, "latitude", -90, 90).Range(longitude, "longitude", -180, 180);
        errors.AddIf(latitude is null && !row.HasError("latitude"), "latitude", Text.Get("Required"));
        errors.AddIf(longitude is null && !row.HasError("longitude"), "longitude", Text.Get("Required"));
        errors.AddIf(!row.HasError("opens") && !row.HasError("closes") && ((opens is null) != (closes is null) || opens >= closes), "closes", Text.Get("OpensBeforeCloses"));
        errors.AddIf(name is not null && !_names.Add(name), "name", Text.Get("ImportNameTaken", name ?? ""));
        row.AddValidation(errors);
        if (row.Errors.Count > 0)
        {
            return null;
        }
        var weekdays = opens is { } o && closes is { } c
            ? Enumerable.Range(1, 5).Select(d => new OpeningHours { Day = (IsoDayOfWeek)d, Opens = o, Closes = c }).ToList()
            : [];
        return new Site { Name = name!, Address = address!, Latitude = latitude!.Value, Longitude = longitude!.Value, OpeningHours = weekdays, OpenOnHolidays = holidays ?? false };
    }
}
