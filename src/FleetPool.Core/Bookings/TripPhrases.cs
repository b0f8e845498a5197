using FleetPool.Core.Common;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>Reads a user's one-line trip against the places that user may see, at the organisation's "now".</summary>
public sealed class TripPhrases(PlaceRegistry places, IClock clock, OrganisationTime time)
{
    /// <summary>The phrase, parsed by <see cref="TripPhraseParser"/>; it books nothing.</summary>
    public async Task<TripPhrase> ParseAsync(Actor actor, string? text, CancellationToken ct = default)
    {
        var known = await places.SearchAsync(actor, null, 500, ct);
        return TripPhraseParser.Parse(text, clock.GetCurrentInstant(), time, known.Select(p => new PlaceCandidate(p.Id, p.Name)).ToList());
    }
}
