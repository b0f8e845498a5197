using System.Security.Claims;
using FleetPool.Core.Bookings;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/bookings</c>: create, change, read and move along the lifecycle. Callers see only their own.</summary>
internal static class BookingsApi
{
    public static RouteGroupBuilder MapBookingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/bookings").WithTags("Bookings").RequireAuthorization(Policies.Staff);
        group.MapPost("/", async (BookingRequest body, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
            ApiResults.From(await bookings.CreateAsync(user.ToActor(), body, ct), b => TypedResults.Created($"/api/bookings/{b.Id}", b)))
            .Produces<BookingView>(StatusCodes.Status201Created);
        group.MapPut("/{id:int}", async (int id, BookingChange body, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
            ApiResults.From(await bookings.ChangeAsync(user.ToActor(), id, body, ct), TypedResults.Ok))
            .Produces<BookingView>();
        group.MapGet("/mine", MineAsync).Produces<IReadOnlyList<BookingView>>()
            .WithPaging(BookingQueries.MaxPageSize, 50)
            .WithSummary("The caller's bookings, a page at a time (page, pageSize at most the limit); Link rel=next and X-Total-Count headers.");
        group.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, BookingQueries queries, CancellationToken ct) =>
            ApiResults.From(await queries.GetAsync(user.ToActor(), id, ct), TypedResults.Ok))
            .Produces<BookingView>();
        group.MapPost("/{id:int}/cancel", async (int id, ClaimsPrincipal user, BookingLifecycle life, CancellationToken ct) =>
            ApiResults.From(await life.CancelAsync(user.ToActor(), id, ct), TypedResults.Ok))
            .Produces<BookingView>();
        group.MapPost("/{id:int}/checkout", async (int id, TripReadings body, ClaimsPrincipal user, BookingLifecycle life, CancellationToken ct) =>
            ApiResults.From(await life.CheckOutAsync(user.ToActor(), id, body, ct), TypedResults.Ok))
            .Produces<BookingView>();
        group.MapPost("/{id:int}/checkin", async (int id, TripReadings body, ClaimsPrincipal user, BookingLifecycle life, CancellationToken ct) =>
            ApiResults.From(await life.CheckInAsync(user.ToActor(), id, body, ct), TypedResults.Ok))
            .Produces<BookingView>();
        group.MapPost("/{id:int}/readings", async (int id, Core.Fleet.TripReadingsCorrection body, ClaimsPrincipal user, Core.Fleet.OdometerCorrections corrections, CancellationToken ct) =>
            ApiResults.From(await corrections.CorrectTripAsync(user.ToActor(), id, body, ct), TypedResults.Ok)).RequireAuthorization(Policies.FleetManager)
            .Produces<BookingView>();
        return api;
    }

    private static async Task<IResult> MineAsync(HttpContext http, ClaimsPrincipal user, BookingQueries queries, CancellationToken ct)
    {
        var q = new QueryParser(http.Request);
        var (page, size) = q.Paging(50, BookingQueries.MaxPageSize);
        if (!q.Errors.IsEmpty)
        {
            return ApiResults.Invalid(q.Errors);
        }
        return ApiResults.Paged(http, await queries.MineAsync(user.ToActor(), page, size, ct));
    }
}
