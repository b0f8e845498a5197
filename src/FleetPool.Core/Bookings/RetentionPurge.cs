using System.Text.Json;
using System.Text.Json.Nodes;
using FleetPool.Core.Audit;
using FleetPool.Core.Data;
using FleetPool.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// GDPR retention, in every copy the app keeps: bookings (and series whose last trip is) more than <c>RetentionDays</c> old lose their
/// destination (text and place), their purpose text and free-text reasons; listed reason codes, distance, km, CO2e, times
/// and cost centre stay, so every aggregate is unchanged. Inbox notices (and so the e-mail sent from them) older than
/// <c>RetentionDays</c> are deleted: they copy trip times, vehicles and an approver's reason. Damage and incident reports resolved more than
/// <c>DamageRetentionDays</c> ago are deleted, their photos with them. The audit rows of all these are blanked the same way (the one update
/// the audit trail allows), and so are older rows that kept a confidential place's address or coordinates; the purge records
/// what it blanked in an audit row of its own, without the text. Idempotent.
/// </summary>
public sealed class RetentionPurge(IDbContextFactory<FleetPoolDb> dbs, IClock clock, IOptions<OperationsOptions> options)
{
    /// <summary>The text a purged purpose or free-text reason becomes.</summary>
    public const string Removed = "–";

    // The audit fields that hold personal free text, per audited entity.
    private static readonly Dictionary<string, string[]> PersonalFields = new(StringComparer.Ordinal)
    {
        ["Booking"] = ["Destination", "DestinationPlaceId", "Purpose", "CarReason", "FossilReason"],
        ["DamageReport"] = ["Description", "InjuryAccident"],
        ["BookingSeries"] = ["Destination", "DestinationPlaceId", "Purpose", "CarReason", "FossilReason"],
        ["WaitlistEntry"] = ["Purpose", "CarReason", "FossilReason"],
        ["ApprovalRequest"] = ["Reason"],
        ["BookingStop"] = ["PlaceId"],
        ["Place"] = Data.AuditCapture.PlaceLocation,
    };

    /// <summary>Purges what is due; returns how many bookings changed.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var cutoff = now - Duration.FromDays(options.Value.RetentionDays);
        await using var db = await dbs.CreateDbContextAsync(ct);
        // The purge is not a user's change, and an audit row of it would keep the very text it removes.
        db.RecordAudit = false;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var due = await db.Bookings.Where(b => b.PersonalDataRemovedAt == null && b.End < cutoff).ToListAsync(ct);
        foreach (var b in due)
        {
            (b.Destination, b.DestinationPlaceId, b.Purpose) = (null, null, Removed);
            (b.CarReason, b.FossilReason) = (ListedOnly(b.CarReason), b.FossilReason is null ? null : Removed);
            b.PersonalDataRemovedAt = now;
        }
        // A series is the template of its trips: it keeps their text until its last trip is as old as theirs.
        var lastDay = cutoff.InUtc().Date;
        var series = await db.BookingSeries.Where(s => s.PersonalDataRemovedAt == null && (s.EndedAt < cutoff || s.LastDate < lastDay)).ToListAsync(ct);
        foreach (var s in series)
        {
            (s.Destination, s.DestinationPlaceId, s.Purpose) = (null, null, Removed);
            (s.CarReason, s.FossilReason) = (ListedOnly(s.CarReason), s.FossilReason is null ? null : Removed);
            s.PersonalDataRemovedAt = now;
        }
        // A place in line and an approver's note are copies of the trip's text: they go when the trip's would.
        var lines = await db.WaitlistEntries.Where(w => w.Purpose != Removed && w.End < cutoff).ToListAsync(ct);
        foreach (var w in lines)
        {
            (w.Purpose, w.CarReason, w.FossilReason) = (Removed, ListedOnly(w.CarReason), w.FossilReason is null ? null : Removed);
        }
        var dueIds = due.Select(b => b.Id).ToList();
        // A round's stops are its destinations: they go with the booking's.
        var stops = await db.BookingStops.Where(s => dueIds.Contains(s.BookingId)).ToListAsync(ct);
        db.BookingStops.RemoveRange(stops);
        var goneStops = stops.Select(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var notes = await db.ApprovalRequests.Where(a => a.Reason != null && a.Reason != Removed && dueIds.Contains(a.BookingId)).ToListAsync(ct);
        notes.ForEach(a => a.Reason = Removed);
        // Notices copy the trip (vehicle, times) and an approver's free-text reason; the inbox keeps them no longer than the trip's text.
        var oldNotices = await db.Notifications.Where(n => n.At < cutoff).ExecuteDeleteAsync(ct);
        var damageCutoff = now - Duration.FromDays(options.Value.DamageRetentionDays);
        var oldDamage = await db.DamageReports.Where(d => d.ResolvedAt != null && d.ResolvedAt < damageCutoff).ToListAsync(ct);
        db.DamageReports.RemoveRange(oldDamage);
        await db.SaveChangesAsync(ct);
#pragma warning disable CA1305 // translated to a SQL cast, which knows no culture
        var purgedBookings = db.Bookings.Where(b => b.PersonalDataRemovedAt != null).Select(b => b.Id.ToString());
#pragma warning restore CA1305
#pragma warning disable CA1305
        var purgedSeries = db.BookingSeries.Where(s => s.PersonalDataRemovedAt != null).Select(s => s.Id.ToString());
        var purgedLines = db.WaitlistEntries.Where(w => w.Purpose == Removed).Select(w => w.Id.ToString());
        var purgedNotes = db.ApprovalRequests.Where(a => a.Reason == Removed).Select(a => a.Id.ToString());
#pragma warning restore CA1305
        var goneDamage = oldDamage.Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audit = await db.AuditEntries.Where(a => a.RedactedAt == null
                && (a.Entity == "Booking" && purgedBookings.Contains(a.EntityId) || a.Entity == "DamageReport" && goneDamage.Contains(a.EntityId)
                    || a.Entity == "BookingSeries" && purgedSeries.Contains(a.EntityId) || a.Entity == "WaitlistEntry" && purgedLines.Contains(a.EntityId)
                    || a.Entity == "ApprovalRequest" && purgedNotes.Contains(a.EntityId) || a.Entity == "BookingStop" && goneStops.Contains(a.EntityId)
                    || a.Entity == "Place" && (a.Before != null && a.Before.Contains("\"Confidential\":true") || a.After != null && a.After.Contains("\"Confidential\":true"))))
            .ToListAsync(ct);
        foreach (var row in audit)
        {
            (row.Before, row.After, row.RedactedAt) = (Blank(row.Before, PersonalFields[row.Entity]), Blank(row.After, PersonalFields[row.Entity]), now);
        }
        if (audit.Count > 0)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Entity = "AuditEntry", EntityId = "retention", Action = "Redacted",
                After = JsonSerializer.Serialize(new { rows = audit.Count, bookings = due.Count, series = series.Count, damageReportsDeleted = oldDamage.Count, noticesDeleted = oldNotices }),
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }

    // A listed car reason is a code and stays (the steering report counts it); a free-text one becomes "other".
    private static string? ListedOnly(string? carReason) =>
        carReason is { } r && !Steering.CarReasons.Codes.Contains(r) ? "other" : carReason;

    private static string? Blank(string? json, string[] fields)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject values)
        {
            return json;
        }
        foreach (var field in fields.Where(values.ContainsKey))
        {
            values[field] = values[field] is null ? null : Removed;
        }
        return values.ToJsonString();
    }
}
