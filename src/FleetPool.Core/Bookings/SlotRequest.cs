using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>Everything the booking rules look at for one requested slot.</summary>
/// <param name="Start">Requested pick-up.</param>
/// <param name="End">Requested return (exclusive).</param>
/// <param name="Vehicle">The vehicle asked for.</param>
/// <param name="Site">The vehicle's site.</param>
/// <param name="Driver">Who would drive (the driver, else the booker); null if unknown.</param>
/// <param name="Now">The current instant.</param>
/// <param name="IsRunning">True when extending a booking that is checked out: its start has passed already.</param>
public sealed record SlotRequest(Instant Start, Instant End, Vehicle Vehicle, Site Site, AppUser? Driver, Instant Now, bool IsRunning = false);
