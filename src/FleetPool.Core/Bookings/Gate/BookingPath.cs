namespace FleetPool.Core.Bookings;

/// <summary>
/// Every way a booking comes into being or changes. Each passes <see cref="BookingGate"/>, which applies the
/// <see cref="RuleFamilies"/> its path needs (<see cref="BookingGate.FamiliesFor"/>); a new way is a new member here.
/// </summary>
public enum BookingPath
{
    /// <summary>A single booking: the form, the one-line field, the API, a scanned sticker, a fleet manager booking for someone.</summary>
    New,
    /// <summary>A reservation moved in time or to another vehicle (also each occurrence of a series change).</summary>
    Change,
    /// <summary>The end of a trip under way moved.</summary>
    Extension,
    /// <summary>One trip of a series, when the series is made or the "book ahead" horizon reaches its date.</summary>
    SeriesOccurrence,
    /// <summary>A freed vehicle held for the first in line on the waitlist.</summary>
    WaitlistOffer,
    /// <summary>The person in line takes the vehicle held for them.</summary>
    WaitlistClaim,
    /// <summary>Moved to an equivalent vehicle because the booked one leaves service (workshop window, damage, retirement).</summary>
    FleetMove,
}

/// <summary>The families of rules the gate applies; which ones a path needs is <see cref="BookingGate.FamiliesFor"/>.</summary>
[Flags]
public enum RuleFamilies
{
    /// <summary>No rule.</summary>
    None = 0,
    /// <summary>Opening hours and holidays, length, how far ahead, the vehicle in service, the driver's licence (<see cref="BookingRules"/>).</summary>
    SlotRules = 1,
    /// <summary>Seats for the passengers and range for the round trip (<see cref="TripFit"/>).</summary>
    TripFit = 2,
    /// <summary>A car reason for a short trip, a fossil reason for a fossil car while a fossil-free one is free (<see cref="Steering.TripSteering"/>).</summary>
    Reasons = 4,
    /// <summary>The approval rules (<see cref="Approvals.ApprovalCheck"/>).</summary>
    Approval = 8,
    /// <summary>The slot is free, buffer included, checked inside the write lock.</summary>
    Overlap = 32,
    /// <summary>
    /// The booker may charge the cost centre and name the driver (<see cref="BookingParties"/>): checked where a person names
    /// them (<see cref="BookingGate.PartiesAsync"/>); other paths carry them from a booking, series or entry checked so.
    /// </summary>
    Parties = 64,
}
