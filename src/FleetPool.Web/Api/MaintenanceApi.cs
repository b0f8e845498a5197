using System.Security.Claims;
using FleetPool.Core.Fleet.Maintenance;
using FleetPool.Web.Setup;
using NodaTime;

namespace FleetPool.Web.Api;

/// <summary><c>/api/vehicles/{id}/maintenance</c>: planned workshop visits (fleet managers).</summary>
internal static class MaintenanceApi
{
    public static RouteGroupBuilder MapMaintenanceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/vehicles/{id:int}/maintenance").WithTags("Vehicles").RequireAuthorization(Policies.FleetManager);
        group.MapGet("/", async (int id, MaintenanceWindows windows, CancellationToken ct) => TypedResults.Ok(await windows.ListAsync(id, ct)))
            .WithSummary("The vehicle's planned workshop windows that have not ended.");
        group.MapPost("/preview", async (int id, Window body, ClaimsPrincipal user, MaintenanceWindows windows, CancellationToken ct) =>
                ApiResults.From(await windows.PreviewAsync(user.ToActor(), id, body.From, body.To, ct), TypedResults.Ok))
            .WithSummary("The bookings a window from–to would meet, each with the equivalent vehicle it could move to (none: it can only be cancelled).");
        group.MapPost("/", async (int id, MaintenancePlan body, ClaimsPrincipal user, MaintenanceWindows windows, CancellationToken ct) =>
                ApiResults.From(await windows.PlanAsync(user.ToActor(), id, body, ct), r => TypedResults.Created($"/api/vehicles/{id}/maintenance", r)))
            .WithSummary("Plans a window {from, to, reason, decisions: [{bookingId, move}]}: every booking inside needs a decision; each is moved or cancelled and its booker told, in one transaction. 409 when a booking appeared meanwhile.");
        group.MapPost("/{windowId:int}/end", async (int id, int windowId, ClaimsPrincipal user, MaintenanceWindows windows, CancellationToken ct) =>
                ApiResults.From(await windows.EndAsync(user.ToActor(), id, windowId, ct), TypedResults.Ok))
            .WithSummary("Ends a window now (back early) or drops one not begun; the vehicle is offered to the waitlist.");
        return api;
    }

    /// <summary>A window to look at.</summary>
    internal sealed record Window(Instant? From, Instant? To);
}
