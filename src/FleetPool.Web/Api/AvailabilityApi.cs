using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>GET /api/availability</c>: ranked vehicles of a site for a slot, with advice on the mode.</summary>
internal static class AvailabilityApi
{
    public static RouteGroupBuilder MapAvailabilityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/availability", FindAsync).RequireAuthorization(Policies.Staff).WithTags("Bookings").Produces<AvailabilityResult>()
            .WithQuery<int>("site", "The site to start from.", required: true)
            .WithQuery<NodaTime.Instant>("from", "Start, ISO 8601 with offset (write '+' as %2B).", required: true)
            .WithQuery<NodaTime.Instant>("to", "End, ISO 8601 with offset.", required: true)
            .WithQuery<Core.Fleet.VehicleKind>("kind", "Only this kind of vehicle.")
            .WithQuery<int>("passengers", "People travelling, the driver included (1-60).")
            .WithQuery<double>("distanceKm", "One-way distance, for steering toward a bike or a fossil-free car.")
            .WithQuery<string>("destination", "Where to, in words (at most 200 characters).")
            .WithQuery<int>("placeId", "A registered place as the destination (its distance from the site is used).");
        return api;
    }

    private static async Task<IResult> FindAsync(HttpRequest request, AvailabilityService availability, CancellationToken ct)
    {
        var q = new QueryParser(request);
        var query = new AvailabilityQuery(q.Int("site"), q.Instant("from"), q.Instant("to"), q.Enum<VehicleKind>("kind"),
            q.Int("passengers", 1, 60), q.Double("distanceKm"), q.Text("destination", 200), q.Int("placeId"));
        return q.Errors.IsEmpty ? ApiResults.From(await availability.FindAsync(request.HttpContext.User.ToActor(), query, ct), TypedResults.Ok) : ApiResults.Invalid(q.Errors);
    }
}
