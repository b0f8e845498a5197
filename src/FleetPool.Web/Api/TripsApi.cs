using FleetPool.Core.Bookings;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>GET /api/trips/parse?q=</c>: a one-line trip read into the booking form's fields; it books nothing.</summary>
internal static class TripsApi
{
    public static RouteGroupBuilder MapTripsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/trips/parse", ParseAsync).RequireAuthorization(Policies.Staff).WithTags("Bookings")
            .WithSummary("Reads a Swedish or English trip phrase (\"elcykel i morgon 10-12 till Vårby gård\") into kind, slot, place, distance, passengers and purpose, and lists what it did not understand.");
        return api;
    }

    private static async Task<IResult> ParseAsync(HttpRequest request, TripPhrases phrases, CancellationToken ct)
    {
        var q = new QueryParser(request);
        var text = q.Text("q", TripPhraseParser.MaxLength);
        q.Errors.AddIf(string.IsNullOrWhiteSpace(text) && q.Errors.IsEmpty, "q", "Give the trip in words, e.g. q=e-bike tomorrow 9-11 to the town hall.");
        return q.Errors.IsEmpty ? TypedResults.Ok(await phrases.ParseAsync(request.HttpContext.User.ToActor(), text, ct)) : ApiResults.Invalid(q.Errors);
    }
}
