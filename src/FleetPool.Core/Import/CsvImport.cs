using System.Text;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Time;
using Microsoft.AspNetCore.Identity;
using FleetPool.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace FleetPool.Core.Import;

/// <summary>
/// Imports sites, departments, cost centres, users and vehicles from CSV (';' or ',' separated, header line with the
/// column names of <see cref="Columns"/>, values in Swedish or English). Invariants: all or nothing — one bad line and
/// nothing is written; a dry run reports every bad line and writes nothing; only admins import, except places, which
/// fleet managers may import too.
/// </summary>
public sealed class CsvImport(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, ILookupNormalizer normalizer, ILogger<CsvImport> log)
{
    /// <summary>Largest file accepted, in data rows.</summary>
    public const int MaxRows = 5000;

    /// <summary>The columns a file of this kind has, in template order.</summary>
    public static IReadOnlyList<string> Columns(ImportKind kind) => kind switch
    {
        ImportKind.Sites => SiteImport.Header,
        ImportKind.Departments => DepartmentImport.Header,
        ImportKind.CostCentres => CostCentreImport.Header,
        ImportKind.Users => UserImport.Header,
        ImportKind.Places => PlaceImport.Header,
        _ => VehicleImport.Header,
    };

    /// <summary>Checks (and unless <paramref name="dryRun"/>, imports) the file.</summary>
    public async Task<Outcome<ImportResult>> RunAsync(ImportKind kind, Actor actor, TextReader csv, bool dryRun, CancellationToken ct = default)
    {
        if (!MayImport(actor, kind))
        {
            return Problem.Forbidden();
        }
        var outcome = await RunKindAsync(kind, actor, csv, dryRun, ct);
        if (outcome.Value is { } result)
        {
            ImportLog.Finished(log, kind.ToString(), actor.UserId, result.Rows, result.Imported, result.Errors.Count, dryRun);
        }
        return outcome;
    }

    private Task<Outcome<ImportResult>> RunKindAsync(ImportKind kind, Actor actor, TextReader csv, bool dryRun, CancellationToken ct) => kind switch
    {
        ImportKind.Sites => RunAsync(new SiteImport(), actor, csv, dryRun, ct),
        ImportKind.Departments => RunAsync(new DepartmentImport(), actor, csv, dryRun, ct),
        ImportKind.CostCentres => RunAsync(new CostCentreImport(), actor, csv, dryRun, ct),
        ImportKind.Users => RunAsync(new UserImport(normalizer), actor, csv, dryRun, ct),
        ImportKind.Places => RunAsync(new PlaceImport(), actor, csv, dryRun, ct),
        _ => RunAsync(new VehicleImport(time.DateOf(clock.GetCurrentInstant())), actor, csv, dryRun, ct),
    };

    /// <summary>
    /// An uploaded file's text: UTF-8 (a byte-order mark or not) when its bytes are valid UTF-8, else Windows-1252, which
    /// Swedish Excel writes for "CSV (semikolonavgränsad)" (read as UTF-8, its å, ä and ö would become U+FFFD).
    /// </summary>
    public static async Task<string> ReadTextAsync(Stream upload, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }

    /// <summary>True when the actor may import this kind.</summary>
    public static bool MayImport(Actor actor, ImportKind kind) => kind == ImportKind.Places ? actor.ManagesFleet : actor.Roles.Contains(Roles.Admin);

    private async Task<Outcome<ImportResult>> RunAsync<T>(ImportTarget<T> target, Actor actor, TextReader csv, bool dryRun, CancellationToken ct)
        where T : class
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await target.LoadAsync(db, ct);
        var badRows = new HashSet<int>();
        using var reader = new CsvReader(csv, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, DetectDelimiterValues = [";", ","], TrimOptions = TrimOptions.Trim, MissingFieldFound = null,
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), HeaderValidated = null,
            // A quote mark left open swallows the lines after it into one cell: each such row is an error, never a silent import.
            BadDataFound = a => badRows.Add(a.Context.Parser?.RawRow ?? 0),
        });
        if (!await reader.ReadAsync() || !reader.ReadHeader())
        {
            return new ImportResult(dryRun, 0, 0, [new ImportError(1, "file", Text.Get("ImportEmpty"))]);
        }
        var header = reader.HeaderRecord!.Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!target.Columns.Any(header.Contains))
        {
            return new ImportResult(dryRun, 0, 0, [new ImportError(1, "file", Text.Get("ImportHeader", string.Join(";", target.Columns)))]);
        }
        var errors = new List<ImportError>();
        var lines = new List<(ImportRow, T)>();
        var rows = 0;
        var now = clock.GetCurrentInstant();
        while (await reader.ReadAsync())
        {
            if (++rows > MaxRows)
            {
                errors.Add(new ImportError(reader.Parser.RawRow, "file", Text.Get("ImportTooLong", MaxRows)));
                break;
            }
            var row = new ImportRow(reader.Parser.RawRow, column => reader.TryGetField<string>(column.ToLowerInvariant(), out var v) ? v : null);
            // No column of any import holds a line break: a cell that does is a quote mark left open.
            if (badRows.Contains(reader.Parser.RawRow) || reader.Parser.Record?.Any(cell => cell.Contains('\n', StringComparison.Ordinal) || cell.Contains('\r', StringComparison.Ordinal)) == true)
            {
                errors.Add(new ImportError(reader.Parser.Row, "file", Text.Get("ImportOpenQuote")));
                continue;
            }
            if (target.Read(row, now) is { } item && row.Errors.Count == 0)
            {
                lines.Add((row, item));
            }
            errors.AddRange(row.Errors);
        }
        target.CheckAll(lines);
        errors.AddRange(lines.SelectMany(l => l.Item1.Errors));
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (errors.Count > 0 || dryRun)
        {
            return new ImportResult(dryRun, rows, 0, errors);
        }
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        await target.AddAsync(db, lines.ConvertAll(l => l.Item2), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(false, rows, lines.Count, []);
    }
}
