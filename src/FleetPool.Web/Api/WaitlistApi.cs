using System.Security.Claims;
using FleetPool.Core.Bookings.Waitlist;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/waitlist</c>: wait for a vehicle when nothing suitable is free; take or decline what is offered.</summary>
internal static class WaitlistApi
{
    public static RouteGroupBuilder MapWaitlistApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/waitlist").WithTags("Bookings").RequireAuthorization(Policies.Staff);
        group.MapPost("/", async (WaitlistRequest body, ClaimsPrincipal user, WaitlistService waitlist, CancellationToken ct) =>
                ApiResults.From(await waitlist.JoinAsync(user.ToActor(), body, ct), w => TypedResults.Created($"/api/waitlist/{w.Id}", w)))
            .WithSummary("Joins the line for a slot at a site (kind, times, trip, purpose, cost centre; acceptFossil with a fossilReason when a fossil car will do). Refused when a suitable vehicle is free now: book it instead. First come, first served.");
        group.MapGet("/mine", async (ClaimsPrincipal user, WaitlistService waitlist, CancellationToken ct) =>
                TypedResults.Ok(await waitlist.MineAsync(user.ToActor(), ct)))
            .WithSummary("The caller's places in line (with their position) and offers (the vehicle held and until when).");
        group.MapPost("/{id:int}/claim", async (int id, ClaimsPrincipal user, WaitlistService waitlist, CancellationToken ct) =>
                ApiResults.From(await waitlist.ClaimAsync(user.ToActor(), id, ct), TypedResults.Ok))
            .WithSummary("Takes the vehicle offered: the held booking becomes the caller's reservation. 409 when the offer lapsed.");
        group.MapPost("/{id:int}/leave", async (int id, ClaimsPrincipal user, WaitlistService waitlist, CancellationToken ct) =>
                ApiResults.From(await waitlist.LeaveAsync(user.ToActor(), id, ct), TypedResults.Ok))
            .WithSummary("Leaves the line, or declines an offer, which then goes to the next in line at once.");
        return api;
    }
}
