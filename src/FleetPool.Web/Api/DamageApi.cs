using System.Security.Claims;
using FleetPool.Core.Fleet;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary>Photos on damage reports: <c>/api/damage/{id}/photos</c> (bearer) and the page's images under <c>/exports</c> (cookie).</summary>
internal static class DamageApi
{
    public static RouteGroupBuilder MapDamageApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/damage/{id:int}").WithTags("Vehicles").RequireAuthorization(Policies.Staff);
        group.MapPost("/photos", async (int id, HttpRequest request, ClaimsPrincipal user, DamagePhotos photos, CancellationToken ct) =>
                ApiResults.From(await photos.AddAsync(user.ToActor(), id, request.ContentType, request.Body, ct),
                    p => TypedResults.Created($"/api/damage/{id}/photos/{p}", new ApiResults.IdResult(p))))
            .Produces<ApiResults.IdResult>(StatusCodes.Status201Created)
            .WithRawBody("The photo.", "image/jpeg", "image/png", "image/webp")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(DamagePhotos.MaxUploadBytes + 1)) // above Kestrel's 1 MB for the rest
            .WithSummary("Adds a photo (the body, Content-Type image/jpeg, image/png or image/webp, at most 12 MB; up to 5 per report) to a report, by its reporter or a fleet manager. It is turned upright, scaled to 1600 px and re-encoded as JPEG: no location or other metadata is kept.");
        group.MapGet("/photos/{photoId:int}", async (int id, int photoId, ClaimsPrincipal user, DamagePhotos photos, CancellationToken ct) =>
                await PhotoAsync(id, photoId, user, photos, ct)).Produces<byte[]>(StatusCodes.Status200OK, "image/jpeg")
            .WithSummary("A report's photo (JPEG), for its reporter and fleet managers.");
        group.MapGet("/injury-report", async (int id, ClaimsPrincipal user, InjuryReports injuries, CancellationToken ct) =>
                ApiResults.From(await injuries.ForAsync(user.ToActor(), id, ct), TypedResults.Ok))
            .WithSummary("For a travel accident with injury: what FleetPool knows for the national work-injury report (who drove, when, where, what happened, the vehicle); CSV at /api/exports/injury-report/{id}.csv. Reporter and fleet managers only.");
        return api;
    }

    /// <summary>The same photo for the vehicle page's &lt;img&gt;, signed in with the cookie.</summary>
    public static RouteGroupBuilder MapDamagePhotoFiles(this RouteGroupBuilder exports)
    {
        exports.MapGet("/damage/{id:int}/photos/{photoId:int}.jpg", async (int id, int photoId, ClaimsPrincipal user, DamagePhotos photos, CancellationToken ct) =>
            await PhotoAsync(id, photoId, user, photos, ct)).RequireAuthorization(Policies.Staff);
        return exports;
    }

    private static async Task<IResult> PhotoAsync(int id, int photoId, ClaimsPrincipal user, DamagePhotos photos, CancellationToken ct) =>
        ApiResults.From(await photos.GetAsync(user.ToActor(), id, photoId, ct), jpeg => TypedResults.File(jpeg, "image/jpeg"));
}
