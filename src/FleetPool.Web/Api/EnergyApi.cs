using System.Security.Claims;
using FleetPool.Core.Energy;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary>
/// <c>/api/energy</c> and a vehicle's charging sessions: fleet managers record depot charging and import fuel-card and
/// charge-point files (the CSV as the request body, so a script can post an operator's export as it comes).
/// </summary>
internal static class EnergyApi
{
    /// <summary>Largest file accepted, bytes.</summary>
    private const int MaxBytes = 5 * 1024 * 1024;

    public static RouteGroupBuilder MapEnergyApi(this RouteGroupBuilder api)
    {
        api.MapPost("/vehicles/{id:int}/charging", async (int id, ChargingInput body, ClaimsPrincipal user, EnergyRecords records, CancellationToken ct) =>
            ApiResults.From(await records.RecordChargingAsync(user.ToActor(), id, body, ct), sessionId => TypedResults.Created($"/api/vehicles/{id}/charging/{sessionId}", new ApiResults.IdResult(sessionId))))
            .WithTags("Energy").RequireAuthorization(Policies.FleetManager).Produces<ApiResults.IdResult>(StatusCodes.Status201Created);
        var group = api.MapGroup("/energy").WithTags("Energy");
        group.MapPost("/import", async (HttpRequest request, ClaimsPrincipal user, EnergyImport import, CancellationToken ct) =>
        {
            var q = new QueryParser(request);
            var (mapping, dryRun) = (q.Int("mapping"), q.Bool("dryRun") ?? false);
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, ct);
            q.Errors.AddIf(body.Length == 0, "file", "Required: the CSV as the request body.").AddIf(body.Length > MaxBytes, "file", $"At most {MaxBytes / 1024 / 1024} MB.");
            return q.Errors.IsEmpty ? ApiResults.From(await import.RunAsync(user.ToActor(), mapping, body.ToArray(), dryRun, ct), TypedResults.Ok) : ApiResults.Invalid(q.Errors);
        }).RequireAuthorization(Policies.FleetManager)
            .WithQuery<int>("mapping", "The saved column mapping to read the file with (GET /api/energy/mappings); otherwise recognised from its header.")
            .WithQuery<bool>("dryRun", "true: check and report only, import nothing.")
            .WithRawBody($"A charger's or fuel card's CSV export, at most {MaxBytes / 1024 / 1024} MB.", "text/csv");
        group.MapGet("/mappings", async (ClaimsPrincipal user, EnergyRecords records, CancellationToken ct) =>
            ApiResults.From(await records.MappingsAsync(user.ToActor(), ct), TypedResults.Ok)).RequireAuthorization(Policies.FleetManager);
        group.MapGet("/unmatched", async (ClaimsPrincipal user, EnergyRecords records, CancellationToken ct) =>
            ApiResults.From(await records.UnmatchedAsync(user.ToActor(), ct), TypedResults.Ok)).RequireAuthorization(Policies.FleetManager);
        return api;
    }
}
