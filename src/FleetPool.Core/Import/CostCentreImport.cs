using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Import;

/// <summary>Cost-centre lines: code (unique), name, owning unit (a board or department, by name) and active (default yes).</summary>
internal sealed class CostCentreImport : ImportTarget<CostCenter>
{
    public static readonly IReadOnlyList<string> Header = ["code", "name", "unit", "active"];

    private HashSet<string> _codes = [];
    private ILookup<string, int> _units = Array.Empty<int>().ToLookup(_ => "");

    public override IReadOnlyList<string> Columns => Header;

    public override async Task LoadAsync(FleetPoolDb db, CancellationToken ct)
    {
        _codes = (await db.CostCenters.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _units = (await db.OrgUnits.AsNoTracking().Select(u => new { u.Name, u.Id }).ToListAsync(ct)).ToLookup(u => u.Name, u => u.Id, StringComparer.OrdinalIgnoreCase);
    }

    public override CostCenter? Read(ImportRow row, Instant now)
    {
        var (code, name, unit) = (row.Required("code"), row.Required("name"), row.Required("unit"));
        var active = row.YesNo("active");
        var errors = new FieldErrors().OptionalText(code, "code", 20).OptionalText(name, "name", 200);
        errors.AddIf(code is not null && !_codes.Add(code), "code", Text.Get("ImportCodeTaken", code ?? ""));
        var units = unit is null ? [] : _units[unit].ToList();
        errors.AddIf(unit is not null && units.Count == 0, "unit", Text.Get("ImportNoUnit", unit ?? ""));
        errors.AddIf(units.Count > 1, "unit", Text.Get("ImportAmbiguousUnit", unit ?? ""));
        row.AddValidation(errors);
        return row.Errors.Count > 0 ? null : new CostCenter { Code = code!, Name = name!, OrgUnitId = units[0], IsActive = active ?? true };
    }
}
