using System.Globalization;
using System.Text.Json;
using FleetPool.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NodaTime;

namespace FleetPool.Core.Data;

/// <summary>
/// Turns tracked changes into <see cref="AuditEntry"/> rows: captured before saving, keyed after. A confidential place's
/// address and coordinates never enter the trail (before or after; a change of them is recorded as "–"), since the trail
/// is kept longer than any place.
/// </summary>
internal sealed class AuditCapture
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "CalendarToken",
    };

    private readonly List<(EntityEntry Entry, string Action, string? Before, Dictionary<string, object?>? Changed)> _pending = [];

    public bool IsEmpty => _pending.Count == 0;

    public static AuditCapture From(ChangeTracker tracker)
    {
        var capture = new AuditCapture();
        foreach (var e in tracker.Entries())
        {
            // Snapshots are derived figures the job recomputes, not anyone's change.
            if (e.Entity is AuditEntry or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey or Reporting.FleetShareSnapshot or Notifications.Notification
                or Fleet.DamagePhoto || e.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var props = e.Properties.Where(p => !Secret.Contains(p.Metadata.Name)).ToList();
            switch (e.State)
            {
                case EntityState.Added:
                    capture._pending.Add((e, "Added", null, null));
                    break;
                case EntityState.Deleted:
                    capture._pending.Add((e, "Deleted", Json(props.ToDictionary(p => p.Metadata.Name, p => Shown(e, p.Metadata.Name, p.OriginalValue))), null));
                    break;
                case EntityState.Modified:
                    var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count > 0)
                    {
                        capture._pending.Add((e, "Modified", Json(changed.ToDictionary(p => p.Metadata.Name, p => Shown(e, p.Metadata.Name, p.OriginalValue))),
                            changed.ToDictionary(p => p.Metadata.Name, p => Shown(e, p.Metadata.Name, p.CurrentValue))));
                    }
                    break;
            }
        }
        return capture;
    }

    /// <summary>The rows to append, once the save has given new entities their keys.</summary>
    public IEnumerable<AuditEntry> ToEntries(Instant at, int? actorId) => _pending.Select(p =>
    {
        var props = p.Entry.Properties.Where(x => !Secret.Contains(x.Metadata.Name));
        var key = p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => Format(p.Entry.Property(k.Name).CurrentValue));
        return new AuditEntry
        {
            At = at,
            ActorId = actorId,
            Entity = p.Entry.Metadata.ClrType.Name.Split('`')[0],
            EntityId = string.Join("/", key),
            Action = p.Action,
            Before = p.Before,
            After = p.Action switch
            {
                "Added" => Json(props.ToDictionary(x => x.Metadata.Name, x => Shown(p.Entry, x.Metadata.Name, x.CurrentValue))),
                "Modified" => Json(p.Changed!),
                _ => null,
            },
        };
    });

    /// <summary>The fields that locate a place, left out of the trail for a place that is (or was) confidential.</summary>
    internal static readonly string[] PlaceLocation = ["Address", "Latitude", "Longitude"];

    // A value as the trail keeps it: a confidential place's position as "–" (the trail says it changed, not where to).
    private static object? Shown(EntityEntry e, string property, object? value) => e.Entity is Steering.Place && PlaceLocation.Contains(property)
        && (e.Property(nameof(Steering.Place.Confidential)).CurrentValue is true || e.Property(nameof(Steering.Place.Confidential)).OriginalValue is true)
        && value is not null ? Bookings.RetentionPurge.Removed : value;

    private static string Json(Dictionary<string, object?> values) =>
        JsonSerializer.Serialize(values.ToDictionary(v => v.Key, v => v.Value switch
        {
            null or bool or int or long or double => v.Value,
            System.Collections.IEnumerable list and not string => string.Join(",", list.Cast<object>()),
            _ => Format(v.Value),
        }));

    private static string? Format(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
