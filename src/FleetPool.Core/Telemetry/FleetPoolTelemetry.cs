using System.Diagnostics;
using System.Diagnostics.Metrics;
using FleetPool.Core.Bookings;
using FleetPool.Core.Common;

namespace FleetPool.Core.Telemetry;

/// <summary>
/// FleetPool's own traces and metrics (source and meter "FleetPool"), exported by the host's OpenTelemetry setup. Invariant:
/// tags carry kinds, statuses and field names only — never a person, a purpose, a destination or any other free text.
/// </summary>
public static class FleetPoolTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "FleetPool";

    /// <summary>Spans of FleetPool's own work (jobs).</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Bookings made, by vehicle kind, status (reserved or pending) and the steering outcome.</summary>
    public static readonly Counter<long> BookingsCreated = Meter.CreateCounter<long>("fleetpool.bookings.created", "{booking}", "Bookings made.");

    /// <summary>Booking attempts refused because the vehicle was taken (409).</summary>
    public static readonly Counter<long> BookingConflicts = Meter.CreateCounter<long>("fleetpool.bookings.conflicts", "{booking}", "Booking attempts that met a taken slot.");

    /// <summary>Booking attempts refused by a rule or invalid input, by problem and field.</summary>
    public static readonly Counter<long> BookingsRefused = Meter.CreateCounter<long>("fleetpool.bookings.refused", "{booking}", "Booking attempts refused by a rule or invalid input.");

    /// <summary>How long each recurring job took, by job and outcome; the fleet-share job is <c>job=fleet-share</c>.</summary>
    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("fleetpool.jobs.duration", "s", "Duration of the recurring jobs.");

    /// <summary>Counts a booking attempt's outcome: made (with what steering led to), a conflict, or a refusal.</summary>
    public static void Booking(Outcome<BookingView> outcome)
    {
        if (outcome.Value is { } b)
        {
            BookingsCreated.Add(1, new("vehicle.kind", b.VehicleKind.ToString()), new("booking.status", b.Status.ToString()),
                new("steering.outcome", b.CarReason is not null ? "car_for_short_trip" : b.FossilReason is not null ? "fossil_with_reason" : "as_advised"));
        }
        else if (outcome.Problem is { Kind: ProblemKind.Conflict })
        {
            BookingConflicts.Add(1);
        }
        else if (outcome.Problem is { } p)
        {
            BookingsRefused.Add(1, new("problem", p.Kind.ToString()), new("field", p.Errors.Keys.FirstOrDefault() ?? ""));
        }
    }
}
