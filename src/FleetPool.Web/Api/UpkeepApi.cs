using System.Security.Claims;
using FleetPool.Core.Fleet.Upkeep;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/vehicles/{id}/upkeep</c>, <c>/api/upkeep/due</c> and the to-do list <c>/api/fleet/todo</c>: service, inspection, tyres, insurance and lease (fleet managers).</summary>
internal static class UpkeepApi
{
    public static RouteGroupBuilder MapUpkeepApi(this RouteGroupBuilder api)
    {
        var vehicle = api.MapGroup("/vehicles/{id:int}/upkeep").WithTags("Vehicles").RequireAuthorization(Policies.FleetManager);
        vehicle.MapGet("/", async (int id, UpkeepService upkeep, CancellationToken ct) => ApiResults.From(await upkeep.GetAsync(id, ct), TypedResults.Ok))
            .WithSummary("The vehicle's upkeep plan, its inspection deadline as the Swedish cycle derives it, and what is due or overdue today.");
        vehicle.MapPut("/", async (int id, UpkeepInput body, ClaimsPrincipal user, UpkeepService upkeep, CancellationToken ct) =>
                ApiResults.From(await upkeep.SaveAsync(user.ToActor(), id, body, ct), TypedResults.Ok))
            .WithSummary("Replaces the plan {nextServiceOn, nextServiceKm, serviceIntervalMonths, serviceIntervalKm, firstRegisteredOn, lastInspectedOn, inspectionDueOn, tyres: none|summer|winter, insuranceEndsOn, leaseEndsOn}; every field optional.");
        vehicle.MapPost("/done", async (int id, UpkeepDone body, ClaimsPrincipal user, UpkeepService upkeep, CancellationToken ct) =>
                ApiResults.From(await upkeep.RecordDoneAsync(user.ToActor(), id, body, ct), TypedResults.Ok))
            .WithSummary("Records {kind: service|inspection|winterTyres|summerTyres, on?, km?} as done: a service moves the next one on by its intervals from that date and km.");
        api.MapGet("/upkeep/due", async (ClaimsPrincipal user, UpkeepService upkeep, CancellationToken ct) => ApiResults.From(await upkeep.DueAsync(user.ToActor(), ct), TypedResults.Ok))
            .WithTags("Vehicles").RequireAuthorization(Policies.FleetManager)
            .WithSummary("Every upkeep item due or overdue across the fleet, overdue first.");
        api.MapGet("/fleet/todo", async (ClaimsPrincipal user, Core.Fleet.Todo.FleetTodo todo, CancellationToken ct) => ApiResults.From(await todo.ForAsync(user.ToActor(), ct), TypedResults.Ok))
            .WithTags("Vehicles").RequireAuthorization(Policies.FleetManager)
            .WithSummary("The fleet manager's to-do list: overdue returns, open damage, licences to verify, upkeep due, vehicles unused for 30 days, approvals this caller may decide, and today's pick-ups and returns per site.");
        return api;
    }
}
