using FleetPool.Core.Bookings;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary>
/// <c>GET /api/trips/parse?q=</c>: a one-line trip read into the booking form's fields; <c>POST /api/trips/round</c>: the
/// best order of a multi-stop round. Neither books anything.
/// </summary>
internal static class TripsApi
{
    public static RouteGroupBuilder MapTripsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/trips/parse", ParseAsync).RequireAuthorization(Policies.Staff).WithTags("Bookings").Produces<Core.Bookings.TripPhrase>()
            .WithQuery<string>("q", $"The trip in words (at most {TripPhraseParser.MaxLength} characters and {TripPhraseParser.MaxWords} words).", required: true)
            .WithSummary("Reads a Swedish or English trip phrase (\"elcykel i morgon 10-12 till Vårby gård\") into kind, slot, place, distance, passengers and purpose, and lists what it did not understand.");
        api.MapPost("/trips/round", async (Core.Steering.RoundRequest body, System.Security.Claims.ClaimsPrincipal user, Core.Steering.RoundPlanning planning, CancellationToken ct) =>
                ApiResults.From(await planning.PlanAsync(user.ToActor(), body, ct), TypedResults.Ok))
            .RequireAuthorization(Policies.Staff).WithTags("Bookings")
            .WithSummary("Proposes the order of a round's stops (places or positions, optional arrival windows) that minimises the km from and back to the site, with the km saved against the order given.");
        return api;
    }

    private static async Task<IResult> ParseAsync(HttpRequest request, TripPhrases phrases, CancellationToken ct)
    {
        var q = new QueryParser(request);
        var text = q.Text("q", TripPhraseParser.MaxLength);
        q.Errors.AddIf(string.IsNullOrWhiteSpace(text) && q.Errors.IsEmpty, "q", "Give the trip in words, e.g. q=e-bike tomorrow 9-11 to the town hall.");
        q.Errors.AddIf(text?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > TripPhraseParser.MaxWords, "q",
            $"At most {TripPhraseParser.MaxWords} words: say the trip in a line, e.g. q=e-bike tomorrow 9-11 to the town hall.");
        return q.Errors.IsEmpty ? TypedResults.Ok(await phrases.ParseAsync(request.HttpContext.User.ToActor(), text, ct)) : ApiResults.Invalid(q.Errors);
    }
}
