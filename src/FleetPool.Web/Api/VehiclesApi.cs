using System.Security.Claims;
using FleetPool.Core.Fleet;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/vehicles</c>: everyone reads the register; fleet managers and admins write it.</summary>
internal static class VehiclesApi
{
    /// <summary>The vehicle's odometer after a correction.</summary>
    public sealed record OdometerResult(int LastOdometerKm);

    public static RouteGroupBuilder MapVehiclesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/vehicles").WithTags("Vehicles");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff).Produces<IReadOnlyList<VehicleView>>()
            .WithQuery<int>("site", "Only vehicles at this site.").WithQuery<VehicleKind>("kind", "Only this kind.")
            .WithPaging(VehicleService.MaxPageSize)
            .WithSummary($"The register by name, a page at a time (pageSize at most {VehicleService.MaxPageSize}); Link rel=next and X-Total-Count headers.");
        group.MapGet("/{id:int}", async (int id, VehicleService fleet, CancellationToken ct) =>
            ApiResults.From(await fleet.GetAsync(id, ct), TypedResults.Ok)).RequireAuthorization(Policies.Staff).Produces<VehicleView>();
        group.MapGet("/{id:int}/details", async (int id, ClaimsPrincipal user, VehicleDetails details, CancellationToken ct) =>
                ApiResults.From(await details.GetAsync(user.ToActor(), id, ct), TypedResults.Ok))
            .RequireAuthorization(Policies.Staff).Produces<VehicleDetailsView>()
            .WithSummary("What the vehicle page shows: odometer readings, refuellings, damage reports and utilisation; the timeline (who booked it) and costs for fleet managers only.");
        group.MapGet("/{id:int}/damage", async (int id, bool? open, ClaimsPrincipal user, DamageReports reports, CancellationToken ct) =>
                ApiResults.From(await reports.ListAsync(user.ToActor(), id, open ?? false, ct), TypedResults.Ok))
            .RequireAuthorization(Policies.Staff).Produces<IReadOnlyList<DamageView>>()
            .WithSummary($"The vehicle's damage reports, newest first (at most {DamageReports.ListLimit}; open=true for the unresolved only). Text, injury flag, severity and photo ids only for the reporter and fleet managers; others see that a report exists and when.");
        group.MapPost("/", async (VehicleInput body, ClaimsPrincipal user, VehicleService fleet, CancellationToken ct) =>
            ApiResults.From(await fleet.CreateAsync(user.ToActor(), body, ct), v => TypedResults.Created($"/api/vehicles/{v.Id}", v)))
            .RequireAuthorization(Policies.FleetManager).Produces<VehicleView>(StatusCodes.Status201Created);
        group.MapPut("/{id:int}", async (int id, VehicleInput body, ClaimsPrincipal user, VehicleService fleet, CancellationToken ct) =>
            ApiResults.From(await fleet.UpdateAsync(user.ToActor(), id, body, ct), TypedResults.Ok))
            .RequireAuthorization(Policies.FleetManager).Produces<VehicleView>();
        group.MapPost("/{id:int}/odometer", async (int id, OdometerCorrection body, ClaimsPrincipal user, OdometerCorrections corrections, CancellationToken ct) =>
            ApiResults.From(await corrections.CorrectVehicleAsync(user.ToActor(), id, body, ct), km => TypedResults.Ok(new OdometerResult(km))))
            .RequireAuthorization(Policies.FleetManager).Produces<OdometerResult>();
        group.MapPost("/{id:int}/damage", async (int id, Core.Bookings.DamageInput body, ClaimsPrincipal user, DamageReports reports, CancellationToken ct) =>
                ApiResults.From(await reports.ReportAsync(user.ToActor(), id, body, ct), r => TypedResults.Created($"/api/vehicles/{id}", new ApiResults.IdResult(r))))
            .RequireAuthorization(Policies.Staff).Produces<ApiResults.IdResult>(StatusCodes.Status201Created)
            .WithSummary("Reports damage or an incident {description, injuryAccident, severity: minor|major|critical, usable}: fleet managers are told at once; usable=false takes the vehicle out of use and moves or cancels its coming bookings, telling their bookers.");
        api.MapPost("/damage/{id:int}/resolve", async (int id, ClaimsPrincipal user, DamageReports reports, CancellationToken ct) =>
                ApiResults.From(await reports.ResolveAsync(user.ToActor(), id, ct), r => TypedResults.Ok(new ApiResults.IdResult(r))))
            .RequireAuthorization(Policies.FleetManager).WithTags("Vehicles").Produces<ApiResults.IdResult>()
            .WithSummary("Marks a damage report as dealt with.");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, VehicleService fleet, CancellationToken ct)
    {
        var q = new QueryParser(http.Request);
        var site = q.Int("site");
        var kind = q.Enum<VehicleKind>("kind");
        var (page, size) = q.Paging(VehicleService.MaxPageSize, VehicleService.MaxPageSize);
        return q.Errors.IsEmpty ? ApiResults.Paged(http, await fleet.PageAsync(site, kind, page, size, ct)) : ApiResults.Invalid(q.Errors);
    }
}
