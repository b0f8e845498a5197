using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Import;

/// <summary>
/// Organisation lines: name and parent. A line without a parent is a board; a parent is an existing unit or another line
/// of the file, in any order. Invariants kept: names unique among siblings, a parent name must say which unit it is
/// (not shared by two), and no cycles.
/// </summary>
internal sealed class DepartmentImport : ImportTarget<OrgUnit>
{
    public static readonly IReadOnlyList<string> Header = ["name", "parent"];

    private List<OrgUnit> _existing = [];
    private readonly Dictionary<OrgUnit, string> _parentNames = [];

    public override IReadOnlyList<string> Columns => Header;

    public override async Task LoadAsync(FleetPoolDb db, CancellationToken ct) => _existing = await db.OrgUnits.AsNoTracking().ToListAsync(ct);

    public override OrgUnit? Read(ImportRow row, Instant now)
    {
        var name = row.Required("name");
        var parent = row.Text("parent");
        row.AddValidation(new FieldErrors().OptionalText(name, "name", 200));
        if (name is not null && parent is not null && string.Equals(name, parent, StringComparison.OrdinalIgnoreCase))
        {
            row.Fail("parent", Text.Get("ImportCycle"));
        }
        if (row.Errors.Count > 0)
        {
            return null;
        }
        var unit = new OrgUnit { Name = name!, Kind = parent is null ? OrgUnitKind.Board : OrgUnitKind.Department };
        if (parent is not null)
        {
            _parentNames[unit] = parent;
        }
        return unit;
    }

    public override void CheckAll(IReadOnlyList<(ImportRow Row, OrgUnit Item)> lines)
    {
        var byName = _existing.Select(u => (u.Name, Existing: (OrgUnit?)u, New: (OrgUnit?)null))
            .Concat(lines.Select(l => (l.Item.Name, Existing: (OrgUnit?)null, New: (OrgUnit?)l.Item)))
            .ToLookup(x => x.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (row, unit) in lines)
        {
            if (!_parentNames.TryGetValue(unit, out var parentName))
            {
                continue;
            }
            var candidates = byName[parentName].ToList();
            if (candidates.Count == 0)
            {
                row.Fail("parent", Text.Get("ImportNoUnit", parentName));
            }
            else if (candidates.Count > 1)
            {
                row.Fail("parent", Text.Get("ImportAmbiguousUnit", parentName));
            }
            else if (candidates[0].Existing is { } existing)
            {
                unit.ParentId = existing.Id;
            }
            else
            {
                unit.Parent = candidates[0].New;
            }
        }
        CheckSiblings(lines);
        CheckCycles(lines);
    }

    private void CheckSiblings(IReadOnlyList<(ImportRow Row, OrgUnit Item)> lines)
    {
        var taken = _existing.Select(u => (u.ParentId as object ?? "board", u.Name.ToUpperInvariant())).ToHashSet();
        foreach (var (row, unit) in lines.Where(l => l.Row.Errors.Count == 0))
        {
            object parentKey = unit.ParentId as object ?? unit.Parent as object ?? "board";
            if (!taken.Add((parentKey, unit.Name.ToUpperInvariant())))
            {
                row.Fail("name", Text.Get("ImportNameTaken", unit.Name));
            }
        }
    }

    private static void CheckCycles(IReadOnlyList<(ImportRow Row, OrgUnit Item)> lines)
    {
        foreach (var (row, unit) in lines)
        {
            var seen = new HashSet<OrgUnit>(ReferenceEqualityComparer.Instance);
            for (var at = unit.Parent; at is not null; at = at.Parent)
            {
                if (!seen.Add(at) || ReferenceEquals(at, unit))
                {
                    row.Fail("parent", Text.Get("ImportCycle"));
                    break;
                }
            }
        }
    }
}
