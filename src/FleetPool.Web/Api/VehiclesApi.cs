using System.Security.Claims;
using FleetPool.Core.Fleet;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/vehicles</c>: everyone reads the register; fleet managers and admins write it.</summary>
internal static class VehiclesApi
{
    public static RouteGroupBuilder MapVehiclesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/vehicles").WithTags("Vehicles");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff);
        group.MapGet("/{id:int}", async (int id, VehicleService fleet, CancellationToken ct) =>
            ApiResults.From(await fleet.GetAsync(id, ct), TypedResults.Ok)).RequireAuthorization(Policies.Staff);
        group.MapPost("/", async (VehicleInput body, ClaimsPrincipal user, VehicleService fleet, CancellationToken ct) =>
            ApiResults.From(await fleet.CreateAsync(user.ToActor(), body, ct), v => TypedResults.Created($"/api/vehicles/{v.Id}", v)))
            .RequireAuthorization(Policies.FleetManager);
        group.MapPut("/{id:int}", async (int id, VehicleInput body, ClaimsPrincipal user, VehicleService fleet, CancellationToken ct) =>
            ApiResults.From(await fleet.UpdateAsync(user.ToActor(), id, body, ct), TypedResults.Ok))
            .RequireAuthorization(Policies.FleetManager);
        group.MapPost("/{id:int}/odometer", async (int id, OdometerCorrection body, ClaimsPrincipal user, OdometerCorrections corrections, CancellationToken ct) =>
            ApiResults.From(await corrections.CorrectVehicleAsync(user.ToActor(), id, body, ct), km => TypedResults.Ok(new { lastOdometerKm = km })))
            .RequireAuthorization(Policies.FleetManager);
        group.MapPost("/{id:int}/damage", async (int id, Core.Bookings.DamageInput body, ClaimsPrincipal user, DamageReports reports, CancellationToken ct) =>
                ApiResults.From(await reports.ReportAsync(user.ToActor(), id, body, ct), r => TypedResults.Created($"/api/vehicles/{id}", new { id = r })))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Reports damage or an incident {description, injuryAccident, severity: minor|major|critical, usable}: fleet managers are told at once; usable=false takes the vehicle out of use and moves or cancels its coming bookings, telling their bookers.");
        api.MapPost("/damage/{id:int}/resolve", async (int id, ClaimsPrincipal user, DamageReports reports, CancellationToken ct) =>
                ApiResults.From(await reports.ResolveAsync(user.ToActor(), id, ct), r => TypedResults.Ok(new { id = r })))
            .RequireAuthorization(Policies.FleetManager).WithTags("Vehicles")
            .WithSummary("Marks a damage report as dealt with.");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, VehicleService fleet, CancellationToken ct)
    {
        var q = new QueryParser(request);
        var site = q.Int("site");
        var kind = q.Enum<VehicleKind>("kind");
        return q.Errors.IsEmpty ? TypedResults.Ok(await fleet.ListAsync(site, kind, ct)) : ApiResults.Invalid(q.Errors);
    }
}
