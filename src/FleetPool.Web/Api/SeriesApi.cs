using System.Security.Claims;
using FleetPool.Core.Bookings;
using FleetPool.Core.Bookings.Series;
using FleetPool.Web.Setup;
using NodaTime;

namespace FleetPool.Web.Api;

/// <summary>
/// <c>/api/series</c>: repeating trips. Each occurrence is an ordinary booking (change or cancel one through
/// <c>/api/bookings/{id}</c>); these routes make a series and change or cancel "this and following".
/// </summary>
internal static class SeriesApi
{
    public static RouteGroupBuilder MapSeriesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/series").WithTags("Bookings").RequireAuthorization(Policies.Staff);
        group.MapPost("/", async (BookingRequest body, ClaimsPrincipal user, SeriesService series, CancellationToken ct) =>
                ApiResults.From(await series.CreateAsync(user.ToActor(), body, ct), r => TypedResults.Created($"/api/series/{r.Series.Id}", r)))
            .WithSummary("Books a repeating trip: the body of POST /api/bookings plus repeat {every: weekday|week, days, until | count}. Books every free date within the site's \"book ahead\" horizon in one transaction, lists the dates it could not book (rule and field, and a free vehicle to take instead when the slot was taken) and the later dates, which a daily job books as the horizon reaches them.");
        group.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, SeriesService series, CancellationToken ct) =>
                ApiResults.From(await series.GetAsync(user.ToActor(), id, ct), TypedResults.Ok))
            .WithSummary("A series with its occurrences (each a booking), the dates tried that have no booking, and how many dates are still to be booked.");
        group.MapPut("/{id:int}", async (int id, SeriesChange body, ClaimsPrincipal user, SeriesService series, CancellationToken ct) =>
                ApiResults.From(await series.ChangeAsync(user.ToActor(), id, body, ct), TypedResults.Ok))
            .WithSummary("Changes this and the following reserved occurrences (from a date): new times of day and/or another vehicle, each through the same checks as a single booking's change; lists those that could not move.");
        group.MapPost("/{id:int}/cancel", async (int id, CancelFrom? body, ClaimsPrincipal user, SeriesService series, CancellationToken ct) =>
                ApiResults.From(await series.CancelAsync(user.ToActor(), id, body?.From, ct), TypedResults.Ok))
            .WithSummary("Cancels the reserved occurrences from a date on (today when none is given) and books no more after it; from the first date, the whole series.");
        return api;
    }

    /// <summary>The body of a series' cancel: the first date to cancel.</summary>
    internal sealed record CancelFrom(LocalDate? From);
}
