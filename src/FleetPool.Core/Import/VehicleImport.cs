using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace FleetPool.Core.Import;

/// <summary>
/// Imports vehicles from CSV (columns kind, name, registration, site, department, fuel, rangeKm, seats, acquiredOn;
/// ';' or ',' separated; kinds and fuels in English or Swedish; site and department by name). Invariant: all or
/// nothing — one bad line and nothing is written; a dry run reports every bad line and writes nothing. Admins only.
/// </summary>
public sealed class VehicleImport(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time)
{
    /// <summary>Largest file accepted, in data rows.</summary>
    public const int MaxRows = 5000;

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

    /// <summary>Checks (and unless <paramref name="dryRun"/>, imports) the file.</summary>
    public async Task<Outcome<ImportResult>> RunAsync(Actor actor, TextReader csv, bool dryRun, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(Roles.Admin))
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var context = new RowContext(
            await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.OrdinalIgnoreCase, ct),
            await db.OrgUnits.AsNoTracking().Where(u => u.Kind == Organisation.OrgUnitKind.Department)
                .ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.OrdinalIgnoreCase, ct),
            (await db.Vehicles.Where(v => v.Registration != null).Select(v => v.Registration!).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase));
        using var reader = new CsvReader(csv, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, DetectDelimiterValues = [";", ","], TrimOptions = TrimOptions.Trim, MissingFieldFound = null,
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), BadDataFound = null, HeaderValidated = null,
        });
        if (!await reader.ReadAsync() || !reader.ReadHeader())
        {
            return new ImportResult(dryRun, 0, 0, [new ImportError(1, "file", Text.Get("ImportEmpty"))]);
        }
        var errors = new List<ImportError>();
        var vehicles = new List<Vehicle>();
        var rows = 0;
        var now = clock.GetCurrentInstant();
        while (await reader.ReadAsync())
        {
            if (++rows > MaxRows)
            {
                errors.Add(new ImportError(reader.Parser.RawRow, "file", Text.Get("ImportTooLong", MaxRows)));
                break;
            }
            var (vehicle, lineErrors) = ReadRow(reader, reader.Parser.RawRow, context);
            errors.AddRange(lineErrors);
            if (vehicle is not null)
            {
                vehicle.StatusChangedAt = now;
                vehicles.Add(vehicle);
            }
        }
        if (errors.Count > 0 || dryRun)
        {
            return new ImportResult(dryRun, rows, 0, errors);
        }
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        db.Vehicles.AddRange(vehicles);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(false, rows, vehicles.Count, []);
    }

    private sealed record RowContext(Dictionary<string, int> Sites, Dictionary<string, int> Departments, HashSet<string> Registrations);

    private (Vehicle?, List<ImportError>) ReadRow(CsvReader row, int line, RowContext context)
    {
        var errors = new List<ImportError>();
        string? Cell(string name) => row.TryGetField<string>(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        void Fail(string field, string message) => errors.Add(new ImportError(line, field, message));
        T? Lookup<T>(string field, IReadOnlyDictionary<string, T> map) where T : struct
        {
            if (Cell(field) is not { } text)
            {
                return null;
            }
            if (map.TryGetValue(text.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), out var value))
            {
                return value;
            }
            Fail(field, Text.Get("ImportUnknown", text));
            return null;
        }
        int? Number(string field)
        {
            var text = Cell(field);
            if (text is null)
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }
            Fail(field, Text.Get("ImportNotNumber", text));
            return null;
        }
        int? Named(string field, Dictionary<string, int> map, string unknownKey)
        {
            var text = Cell(field);
            if (text is not null && !map.ContainsKey(text))
            {
                Fail(field, Text.Get(unknownKey));
            }
            return text is not null && map.TryGetValue(text, out var id) ? id : null;
        }
        LocalDate? Date(string field)
        {
            var text = Cell(field);
            var parsed = text is null ? null : LocalDatePattern.Iso.Parse(text);
            if (parsed is { Success: false })
            {
                Fail(field, Text.Get("ImportNotDate"));
            }
            return parsed is { Success: true } ok ? ok.Value : null;
        }
        var input = new VehicleInput(Lookup("kind", Kinds), Cell("name"), Cell("registration"), Named("site", context.Sites, "NoSite"),
            Named("department", context.Departments, "NoDepartment"), Lookup("fuel", Fuels), null, Number("rangeKm"), Number("seats"), null, Date("acquiredOn"));
        foreach (var (field, messages) in input.Validate().ToDictionary())
        {
            var column = field switch { "siteId" => "site", "departmentId" => "department", _ => field };
            if (!errors.Exists(e => e.Field == column))
            {
                errors.AddRange(messages.Select(m => new ImportError(line, column, m)));
            }
        }
        if (input.Registration is { } reg && !context.Registrations.Add(reg.Trim().ToUpperInvariant()))
        {
            Fail("registration", Text.Get("DuplicateRegistration"));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var vehicle = new Vehicle { Name = "" };
        var today = time.DateOf(clock.GetCurrentInstant());
        input.ApplyTo(vehicle, clock.GetCurrentInstant(), today);
        return (vehicle, errors);
    }
}
