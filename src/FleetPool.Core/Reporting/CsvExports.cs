using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Sustainability;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>
/// CSV files for Swedish Excel: UTF-8 with a byte-order mark, ';' between fields, decimal commas, local times
/// (yyyy-MM-dd HH:mm, Europe/Stockholm); a cell that Excel would read as a formula (=, +, -, @, tab, CR first) is escaped
/// with a leading quote mark. Invariants: fleet managers and admins export anything; a department lead only the
/// share report of their own department or board; bookings and trips name departments and cost centres, never people.
/// </summary>
public sealed class CsvExports(IDbContextFactory<FleetPoolDb> dbs, OrganisationTime time, FossilShareReports shares, TravelFollowUp followUp,
    Fleet.InjuryReports injuries)
{
    /// <summary>
    /// The basis for the work-injury report (Anmälan om arbetsskada), one field per row in the form's order and language
    /// (Swedish), with where each value comes from; what FleetPool cannot know is listed for the manager to fill in.
    /// </summary>
    public async Task<Outcome<byte[]>> InjuryReportAsync(Actor actor, int reportId, CancellationToken ct = default)
    {
        var built = await injuries.ForAsync(actor, reportId, ct);
        if (built.Value is not { } r)
        {
            return built.Problem!;
        }
        const string Fill = "fylls i av chef och den skadade";
        string? At(Instant? i) => i is { } x ? time.Format(x) : null;
        return Write(w =>
        {
            Header(w, "fält", "värde", "källa");
            Row(w, "Arbetsgivare, förvaltning", r.Board, "FleetPool: den skadades organisation");
            Row(w, "Arbetsställe, enhet", r.Department, "FleetPool");
            Row(w, "Den skadades namn", r.Injured, "FleetPool: resans förare (kontrollera)");
            Row(w, "Den skadades e-post", r.InjuredEmail, "FleetPool");
            Row(w, "Personnummer", null, Fill);
            Row(w, "Typ av händelse", r.OnBusinessTrip ? "Olycksfall under tjänsteresa med poolfordon" : "Färdolycksfall", "FleetPool: bokad tjänsteresa");
            Row(w, "Datum och tid för resan", $"{At(r.TripStart)} – {At(r.TripEnd)}".Trim(' ', '–'), "FleetPool: utlämning och återlämning");
            Row(w, "Rapporterad", At(r.ReportedAt), "FleetPool");
            Row(w, "Plats", r.Place, r.Place is null ? "saknas (skyddad adress, gallrad eller ej angiven): " + Fill : "FleetPool: resmålet");
            Row(w, "Vad hände", r.WhatHappened, $"FleetPool: rapport av {r.ReportedBy}");
            Row(w, "Resans ärende", r.TripPurpose, "FleetPool");
            Row(w, "Fordon", $"{r.Vehicle}{(r.Registration is null ? "" : $" ({r.Registration})")}", "FleetPool");
            Row(w, "Skadans allvar på fordonet", r.Severity switch { DamageSeverity.Critical => "ej trafiksäkert", DamageSeverity.Major => "behöver verkstad", _ => "mindre" },
                "FleetPool");
            Row(w, "Skadetyp och kroppsdel", null, Fill);
            Row(w, "Vittnen", null, Fill);
            Row(w, "Sjukfrånvaro", null, Fill);
        });
    }

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The snapshots of a unit (or the organisation) in the period, one row per date.</summary>
    public async Task<Outcome<byte[]>> FleetShareAsync(Actor actor, int? unitId, LocalDate? from, LocalDate? to, CancellationToken ct = default)
    {
        var report = await shares.BuildAsync(actor, unitId, from, to, ct);
        if (report.Value is not { } r)
        {
            return report.Problem!;
        }
        return Write(w =>
        {
            // Both definitions, named; an empty cell is "no data", never 0; the months say how much of the year the data covers.
            Header(w, "datum", "enhet", "fordon", "andel_fossiloberoende_miljofordon_procent", "andel_fossiloberoende_i_praktiken_procent",
                "andel_fossilfri_energi_procent", "co2e_kg", "co2e_metod", "co2e_kg_energi", "energi_manader_med_data_av_12", "co2e_kg_km_uppskattning",
                "resor_manader_med_data_av_12");
            foreach (var p in r.Trend)
            {
                Row(w, p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.UnitName.Length == 0 ? "Hela organisationen" : r.UnitName, p.Vehicles,
                    Percent(p.OfficialShare), Percent(p.InPracticeShare), Percent(p.FossilFreeEnergyShare), Round(p.Co2e.Kg),
                    p.Co2e.Method switch { Co2eMethod.Energy => "energi", Co2eMethod.Distance => "km (uppskattning)", _ => "" }, Round(p.EnergyCo2eKg), p.EnergyMonths,
                    Round(p.Co2eKg), p.KmMonths);
            }
        });
    }

    /// <summary>The yearly travel follow-up (CERO): one row per unit, this year and the change from the year before.</summary>
    public async Task<Outcome<byte[]>> FollowUpAsync(Actor actor, int? year, CancellationToken ct = default)
    {
        var report = await followUp.BuildAsync(actor, year, ct);
        if (report.Value is not { } r)
        {
            return report.Problem!;
        }
        return Write(w =>
        {
            // An empty cell is "no data" or "too few to show", never 0.
            Header(w, "år", "från", "till", "nivå", "enhet", "anställda", "resor", "km_bil", "km_elcykel", "km_cykel", "co2e_kg_uppskattning", "kostnad_kr",
                "co2e_per_anställd_kg", "kostnad_per_anställd_kr", "co2e_förändring_procent", "kostnad_förändring_procent");
            foreach (var l in r.Lines)
            {
                var f = l.This;
                Row(w, r.Year, r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    l.Level switch { UnitLevel.Organisation => "organisation", UnitLevel.Board => "nämnd", _ => "avdelning" },
                    l.Unit.Length == 0 ? "Hela organisationen" : l.Unit, f?.Employees, f?.Trips, f?.CarKm, f?.EBikeKm, f?.BikeKm, f?.Co2eKg, f?.CostSek,
                    f?.Co2ePerEmployeeKg, f?.CostPerEmployeeSek, l.Co2eChange, l.CostChange);
            }
        });
    }

    /// <summary>
    /// Bookings that start in the period (<paramref name="tripsOnly"/>: returned trips with km and CO2e), written row by row as
    /// the database returns them: a two-year export of a large fleet is over 100 MB and never sits in memory whole. Who may
    /// export and the period are checked before anything is written.
    /// </summary>
    public Outcome<StreamedCsv> Bookings(Actor actor, LocalDate from, LocalDate to, bool tripsOnly)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        if (ReportScope.Span(new FieldErrors(), from, to) is { IsEmpty: false } invalid)
        {
            return Problem.Invalid(invalid);
        }
        return new StreamedCsv((stream, ct) => WriteBookingsAsync(stream, time.StartOfDay(from), time.StartOfDay(to.PlusDays(1)), tripsOnly, ct));
    }

    private async Task WriteBookingsAsync(Stream stream, Instant start, Instant end, bool tripsOnly, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = from b in db.Bookings.AsNoTracking()
                   join v in db.Vehicles on b.VehicleId equals v.Id
                   join c in db.CostCenters on b.CostCenterId equals c.Id
                   join u in db.Users on b.BookerId equals u.Id
                   join d in db.OrgUnits on u.DepartmentId equals d.Id into ds
                   from d in ds.DefaultIfEmpty()
                   where b.Start >= start && b.Start < end && (!tripsOnly || b.Status == BookingStatus.Returned)
                   orderby b.Start, b.Id
                   select new
                   {
                       b, v.Name, v.Kind, v.Fuel, c.Code, Department = d == null ? null : d.Name,
                       Stops = db.BookingStops.Count(s => s.BookingId == b.Id),
                       Approved = db.ApprovalRequests.Where(a => a.BookingId == b.Id).OrderByDescending(a => a.Id).Select(a => a.Approved).FirstOrDefault(),
                       Asked = db.ApprovalRequests.Any(a => a.BookingId == b.Id),
                   };
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var w = new CsvWriter(writer, Config);
        Header(w, "bokning", "start", "slut", "status", "fordon", "typ", "drivmedel", "avdelning", "kostnadsställe", "ärende",
            "avstånd_km_enkel_väg", "beräknad_co2e_g", "körda_km", "co2e_g", "skäl_bil", "skäl_fossil_bil", "alternativ", "serie", "stopp", "godkännande");
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            Fields(w, x.b.Id, time.Format(x.b.Start), time.Format(x.b.End), x.b.Status, x.Name, x.Kind, x.Fuel, x.Department, x.Code, x.b.Purpose,
                x.b.DistanceKm, x.b.EstimatedCo2eGrams, x.b.ActualKm, x.b.ActualCo2eGrams, x.b.CarReason, x.b.FossilReason, x.b.AlternativeCheck, x.b.SeriesId,
                x.Stops == 0 ? null : x.Stops, !x.Asked ? null : x.Approved switch { true => "godkänd", false => "avslagen", null => "väntar" });
            await w.NextRecordAsync(); // the response stream takes asynchronous writes only
        }
    }

    private static double? Round(double? kg) => kg is { } k ? Math.Round(k, 1) : null;

    private static double? Percent(double? share) => share is { } s ? Math.Round(s * 100, 1) : null;

    private static void Header(CsvWriter w, params string[] names)
    {
        foreach (var n in names)
        {
            w.WriteField(n);
        }
        w.NextRecord();
    }

    private static void Row(CsvWriter w, params object?[] fields)
    {
        Fields(w, fields);
        w.NextRecord();
    }

    private static void Fields(CsvWriter w, params object?[] fields)
    {
        foreach (var f in fields)
        {
            w.WriteField(f switch { double d => d.ToString(Swedish), null => "", _ => Convert.ToString(f, Swedish) });
        }
    }

    private static readonly CsvConfiguration Config = new(Swedish) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape };

    private static byte[] Write(Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, Config))
        {
            write(csv);
        }
        return stream.ToArray();
    }
}
