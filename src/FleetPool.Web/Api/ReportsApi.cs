using System.Security.Claims;
using FleetPool.Core.Reporting;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/reports</c>: aggregates for fleet managers, admins and (their own department) department leads.</summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/steering", async (HttpRequest request, ClaimsPrincipal user, SteeringReports reports, CancellationToken ct) =>
        {
            var q = new QueryParser(request);
            var (from, to, department) = (q.Date("from"), q.Date("to"), q.Int("department"));
            return q.Errors.IsEmpty
                ? ApiResults.From(await reports.BuildAsync(user.ToActor(), from, to, department, ct), TypedResults.Ok)
                : ApiResults.Invalid(q.Errors);
        }).RequireAuthorization(Policies.Staff);
        group.MapGet("/fossil-share", async (HttpRequest request, ClaimsPrincipal user, FossilShareReports reports, CancellationToken ct) =>
        {
            var q = new QueryParser(request);
            var (from, to, department) = (q.Date("from"), q.Date("to"), q.Int("department"));
            return q.Errors.IsEmpty
                ? ApiResults.From(await reports.BuildAsync(user.ToActor(), department, from, to, ct), TypedResults.Ok)
                : ApiResults.Invalid(q.Errors);
        }).RequireAuthorization(Policies.Staff);
        // "Run now": today's snapshots at once, without waiting for 06:00.
        group.MapPost("/fossil-share/run", async (FleetShareJob job, CancellationToken ct) => TypedResults.Ok(new { snapshots = await job.RunAsync(ct) }))
            .RequireAuthorization(Policies.FleetManager);
        return api;
    }
}
