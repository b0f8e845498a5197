using System.Security.Claims;
using FleetPool.Core.Steering;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/places</c>: the registry of known destinations (everyone searches; fleet managers add and remove).</summary>
internal static class PlacesApi
{
    public static RouteGroupBuilder MapPlacesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/places").WithTags("Places");
        group.MapGet("/", async (string? search, ClaimsPrincipal user, PlaceRegistry places, CancellationToken ct) =>
                TypedResults.Ok(await places.SearchAsync(user.ToActor(), search, 50, ct)))
            .RequireAuthorization(Policies.Staff);
        group.MapPost("/", async (PlaceInput body, ClaimsPrincipal user, PlaceRegistry places, CancellationToken ct) =>
            ApiResults.From(await places.CreateAsync(user.ToActor(), body, ct), p => TypedResults.Created($"/api/places/{p.Id}", p)))
            .RequireAuthorization(Policies.FleetManager);
        group.MapPut("/{id:int}", async (int id, PlaceInput body, ClaimsPrincipal user, PlaceRegistry places, CancellationToken ct) =>
            ApiResults.From(await places.UpdateAsync(user.ToActor(), id, body, ct), TypedResults.Ok))
            .RequireAuthorization(Policies.FleetManager)
            .WithSummary("Changes a place (name, address, position, confidential, owning unit); made confidential, its address leaves the bookings that went there.");
        group.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, PlaceRegistry places, CancellationToken ct) =>
            ApiResults.From(await places.DeleteAsync(user.ToActor(), id, ct), _ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.FleetManager);
        return api;
    }
}
