using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Import;
using FleetPool.Core.Time;
using FleetPool.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace FleetPool.Core.Energy;

/// <summary>
/// The outcome of an energy import or its dry run: data lines read, records imported, lines skipped because their
/// transaction id was imported before, the registrations or cards that match no vehicle (kept, listed with their line
/// count), and the errors by line and column. Invariant: with errors nothing was imported.
/// </summary>
public sealed record EnergyImportResult(bool DryRun, int Rows, int Imported, int Duplicates, IReadOnlyDictionary<string, int> Unmatched,
    IReadOnlyList<ImportError> Errors)
{
    /// <summary>True when every line is good.</summary>
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Imports fuel-card transactions and charge-point sessions with a saved column mapping (or the standard layout).
/// Invariants: fleet managers and admins only; all or nothing — one bad line and nothing is written; a dry run writes
/// nothing; idempotent by (source, transaction id); a product the vehicle cannot take or an amount its tank or battery
/// cannot hold is an error; an unknown vehicle is kept and listed, and matched when a later import finds the vehicle.
/// </summary>
public sealed class EnergyImport(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, ILogger<EnergyImport> log)
{
    /// <summary>Largest file accepted, in data rows.</summary>
    public const int MaxRows = 20000;

    /// <summary>Checks (and unless <paramref name="dryRun"/>, imports) a file as the mapping reads it (null: the standard layout).</summary>
    public async Task<Outcome<EnergyImportResult>> RunAsync(Actor actor, int? mappingId, byte[] file, bool dryRun, CancellationToken ct = default)
    {
        var outcome = await RunCheckedAsync(actor, mappingId, file, dryRun, ct);
        if (outcome.Value is { } result)
        {
            ImportLog.Finished(log, "Energy", actor.UserId, result.Rows, result.Imported, result.Errors.Count, dryRun);
        }
        return outcome;
    }

    private async Task<Outcome<EnergyImportResult>> RunCheckedAsync(Actor actor, int? mappingId, byte[] file, bool dryRun, CancellationToken ct)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mapping = mappingId is { } id ? await db.EnergyMappings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) : EnergyMapping.Standard;
        if (mapping is null)
        {
            return Problem.NotFound("EnergyMapping");
        }
        var vehicles = await db.Vehicles.AsNoTracking().ToListAsync(ct);
        var byKey = new Dictionary<string, Vehicle>(StringComparer.Ordinal);
        foreach (var v in vehicles)
        {
            byKey.TryAdd(EnergyFile.Normalise(v.Name), v);
        }
        foreach (var v in vehicles.Where(v => v.Registration is not null))
        {
            byKey[EnergyFile.Normalise(v.Registration!)] = v; // a registration wins over a name
        }
        var read = Read(mapping, EnergyFile.Decode(file), byKey);
        if (read.Errors.Count > 0 || read.Rows == 0)
        {
            return Result(dryRun, read, 0, 0, read.Rows == 0 && read.Errors.Count == 0 ? [new ImportError(1, "file", Text.Get("ImportEmpty"))] : read.Errors);
        }
        var ids = read.Lines.Select(l => l.TransactionId).OfType<string>().Distinct().ToList();
        var known = (await db.EnergyPurchases.Where(p => p.Source == mapping.Source && p.TransactionId != null && ids.Contains(p.TransactionId))
            .Select(p => p.TransactionId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = read.Lines.Where(l => l.TransactionId is not { } t || known.Add(t)).ToList();
        if (dryRun)
        {
            return Result(true, read, 0, read.Lines.Count - fresh.Count, []);
        }
        var now = clock.GetCurrentInstant();
        foreach (var l in fresh)
        {
            l.Source = mapping.Source;
            (l.RecordedAt, l.RecordedById) = (now, actor.UserId);
        }
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        db.EnergyPurchases.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        await MatchAsync(db, byKey, ct);
        await tx.CommitAsync(ct);
        return Result(false, read, fresh.Count, read.Lines.Count - fresh.Count, []);
    }

    // Records kept without a vehicle get one as soon as a registration or name matches (the vehicle was added since).
    private static async Task MatchAsync(FleetPoolDb db, Dictionary<string, Vehicle> byKey, CancellationToken ct)
    {
        foreach (var p in await db.EnergyPurchases.Where(p => p.VehicleId == null).ToListAsync(ct))
        {
            p.VehicleId = byKey.TryGetValue(p.Identifier, out var v) ? v.Id : null;
        }
        await db.SaveChangesAsync(ct);
    }

    private static Outcome<EnergyImportResult> Result(bool dryRun, ReadFile read, int imported, int duplicates, IReadOnlyList<ImportError> errors) =>
        new EnergyImportResult(dryRun, read.Rows, imported, duplicates,
            read.Lines.Where(l => l.VehicleId is null).GroupBy(l => l.Identifier).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            errors);

    private sealed record ReadFile(int Rows, List<EnergyPurchase> Lines, List<ImportError> Errors);

    private ReadFile Read(EnergyMapping m, string text, Dictionary<string, Vehicle> byKey)
    {
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, DetectDelimiterValues = [";", ",", "\t"], TrimOptions = TrimOptions.Trim, MissingFieldFound = null,
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), BadDataFound = null, HeaderValidated = null,
        });
        var (lines, errors) = (new List<EnergyPurchase>(), new List<ImportError>());
        if (!reader.Read() || !reader.ReadHeader())
        {
            return new ReadFile(0, lines, errors);
        }
        var header = reader.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var required = new[] { m.DateColumn, m.VehicleColumn, m.AmountColumn, m.Source == EnergySource.ChargePoint ? null : m.ProductColumn }.OfType<string>();
        foreach (var missing in required.Where(c => !header.Contains(c.ToLowerInvariant())))
        {
            errors.Add(new ImportError(1, missing, Text.Get("EnergyColumnMissing", missing, m.Name)));
        }
        if (errors.Count > 0)
        {
            return new ReadFile(0, lines, errors);
        }
        var rows = 0;
        var now = clock.GetCurrentInstant();
        while (reader.Read())
        {
            if (++rows > MaxRows)
            {
                errors.Add(new ImportError(reader.Parser.RawRow, "file", Text.Get("ImportTooLong", MaxRows)));
                break;
            }
            var row = new ImportRow(reader.Parser.RawRow, c => reader.TryGetField<string>(c.ToLowerInvariant(), out var v) ? v : null);
            if (ReadLine(m, row, byKey, now) is { } line && row.Errors.Count == 0)
            {
                lines.Add(line);
            }
            errors.AddRange(row.Errors);
        }
        return new ReadFile(rows, lines, errors);
    }

    private EnergyPurchase? ReadLine(EnergyMapping m, ImportRow row, Dictionary<string, Vehicle> byKey, Instant now)
    {
        var at = When(row, m.DateColumn, m.TimeColumn, now);
        var end = m.EndColumn is { } e && row.Text(e) is not null ? When(row, e, null, now) : null;
        var identifier = row.Required(m.VehicleColumn) is { } v ? EnergyFile.Normalise(v) : null;
        FuelType? fuel = m.ProductColumn is { } pc && row.Text(pc) is { } product
            ? EnergyProducts.Read(product) ?? Fail<FuelType>(row, pc, Text.Get("EnergyUnknownProduct", product))
            : m.Source == EnergySource.ChargePoint ? FuelType.Electric : Fail<FuelType>(row, m.ProductColumn ?? "produkt", Text.Get("Required"));
        var amount = Positive(row, m.AmountColumn);
        var price = m.PriceColumn is { } prc && row.Text(prc) is { } p ? (EnergyFile.Number(p) is { } sek ? (decimal)sek : Fail<decimal>(row, prc, Text.Get("ImportNotDecimal", p))) : null;
        if (fuel is { } f && m.UnitColumn is { } uc && row.Text(uc) is { } unit && !SameUnit(unit, FuelCatalog.RefuelUnit(f)))
        {
            row.Fail(uc, Text.Get("EnergyWrongUnit", unit, FuelCatalog.RefuelUnit(f)));
        }
        if (row.Errors.Count > 0 || at is null || identifier is null || fuel is null || amount is null)
        {
            return null;
        }
        var vehicle = byKey.GetValueOrDefault(identifier);
        if (vehicle is not null && !EnergyProducts.Fits(vehicle, fuel.Value))
        {
            row.Fail(m.ProductColumn ?? m.AmountColumn, Text.Get("EnergyDoesNotFit", vehicle.Registration ?? vehicle.Name, FuelCatalog.Of(fuel.Value).Key));
        }
        else if (vehicle is not null && amount > EnergyProducts.MaxPerFill(vehicle, fuel.Value))
        {
            row.Fail(m.AmountColumn, Text.Get("EnergyImplausible", amount.Value.ToString("0.#", CultureInfo.CurrentCulture), FuelCatalog.RefuelUnit(fuel.Value),
                Math.Floor(EnergyProducts.MaxPerFill(vehicle, fuel.Value)).ToString(CultureInfo.CurrentCulture)));
        }
        if (end is { } stop && stop <= at)
        {
            row.Fail(m.EndColumn!, Text.Get("After", m.DateColumn));
        }
        return row.Errors.Count > 0 ? null : new EnergyPurchase
        {
            VehicleId = vehicle?.Id, Identifier = identifier, At = at.Value, EndedAt = end, Fuel = fuel.Value, Amount = amount.Value, PriceSek = price,
            Place = m.PlaceColumn is { } pl ? Truncate(row.Text(pl), 200) : null, TransactionId = m.TransactionColumn is { } t ? Truncate(row.Text(t), 100) : null,
        };
    }

    private Instant? When(ImportRow row, string dateColumn, string? timeColumn, Instant now)
    {
        if (row.Required(dateColumn) is not { } date)
        {
            return null;
        }
        if (EnergyFile.DateTime(date, timeColumn is null ? null : row.Text(timeColumn)) is not { } local)
        {
            return Fail<Instant>(row, dateColumn, Text.Get("ImportNotDate", date));
        }
        // Bought at a local time: in the repeated autumn hour either reading is within the same day's energy.
        var at = local.InZoneLeniently(time.Zone).ToInstant();
        return at > now ? Fail<Instant>(row, dateColumn, Text.Get("EnergyInFuture", date)) : at;
    }

    private static double? Positive(ImportRow row, string column)
    {
        if (row.Required(column) is not { } text)
        {
            return null;
        }
        return EnergyFile.Number(text) is { } n && n > 0 ? n : Fail<double>(row, column, Text.Get("EnergyAmount", text));
    }

    private static bool SameUnit(string written, string expected) => written.Trim().ToLowerInvariant() switch
    {
        "l" or "liter" or "litre" or "lit" => expected == "l",
        "kg" => expected == "kg",
        "kwh" => expected == "kWh",
        _ => false,
    };

    private static T? Fail<T>(ImportRow row, string column, string message) where T : struct
    {
        row.Fail(column, message);
        return null;
    }

    private static string? Truncate(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;
}
