using System.Security.Claims;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/sites</c>, <c>/api/org-units</c>, <c>/api/cost-centers</c>: the organisation as the fleet pages edit and read it.</summary>
internal static class OrganisationApi
{
    /// <summary>The organisation's boards and departments.</summary>
    public sealed record OrgUnits(IReadOnlyList<BoardSummary> Boards, IReadOnlyList<DepartmentSummary> Departments);

    public static RouteGroupBuilder MapOrganisationApi(this RouteGroupBuilder api)
    {
        var sites = api.MapGroup("/sites").WithTags("Organisation");
        sites.MapGet("/", async (OrganisationDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.SitesAsync(ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Every site people pick up from: id, name and address.");
        sites.MapGet("/rules", async (SiteRules rules, CancellationToken ct) => TypedResults.Ok(await rules.ListAsync(ct)))
            .RequireAuthorization(Policies.FleetManager)
            .WithSummary("Each site's opening hours, rule overrides (null: the organisation's default), pick-up instructions and key code (fleet managers).");
        sites.MapPut("/{id:int}/rules", async (int id, SiteRulesView body, ClaimsPrincipal user, SiteRules rules, CancellationToken ct) =>
                ApiResults.From(await rules.SaveAsync(user.ToActor(), body with { Id = id }, ct), TypedResults.Ok))
            .RequireAuthorization(Policies.FleetManager).Produces<SiteRulesView>()
            .WithSummary("Saves a site's opening hours (week: day, opens, closes; none when alwaysOpen), rule overrides and pick-up instructions (fleet managers).");
        api.MapGet("/org-units", async (OrganisationDirectory directory, CancellationToken ct) =>
                TypedResults.Ok(new OrgUnits(await directory.BoardsAsync(ct), await directory.DepartmentsAsync(ct))))
            .RequireAuthorization(Policies.Staff).WithTags("Organisation")
            .WithSummary("Boards (nämnder) and their departments.");
        api.MapGet("/cost-centers", async (ClaimsPrincipal user, OrganisationDirectory directory, CancellationToken ct) =>
                TypedResults.Ok(await directory.CostCentersAsync(user.ToActor(), ct)))
            .RequireAuthorization(Policies.FleetManager).WithTags("Organisation")
            .WithSummary("Every active cost centre by code (fleet managers); staff ask /api/users/me/cost-centers for their own.");
        return api;
    }
}
