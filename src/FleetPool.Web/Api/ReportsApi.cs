using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using FleetPool.Core.Reporting;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/reports</c>: aggregates for fleet managers, admins and (their own department) department leads.</summary>
internal static class ReportsApi
{
    public sealed record PlanRequest(NodaTime.LocalDate? PlannedRetirementOn, Core.Fleet.FuelType? ReplacementFuel);

    /// <summary>How many department snapshots the share job wrote.</summary>
    public sealed record ShareRun(int Snapshots);

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/steering", (HttpRequest request, ClaimsPrincipal user, SteeringReports reports, CancellationToken ct) =>
            ForPeriod(request, p => reports.BuildAsync(user.ToActor(), p.From, p.To, p.Department, ct))).RequireAuthorization(Policies.Reports).WithPeriodQuery(department: true);
        group.MapGet("/fossil-share", (HttpRequest request, ClaimsPrincipal user, FossilShareReports reports, CancellationToken ct) =>
            ForPeriod(request, p => reports.BuildAsync(user.ToActor(), p.Department, p.From, p.To, ct))).RequireAuthorization(Policies.Reports).WithPeriodQuery(department: true);
        // "Run now": today's snapshots at once, without waiting for 06:00.
        group.MapPost("/fossil-share/run", async (FleetShareJob job, CancellationToken ct) => TypedResults.Ok(new ShareRun(await job.RunAsync(ct))))
            .RequireAuthorization(Policies.FleetManager);
        // Adopted ("fastställda") years: their snapshots are never recomputed.
        group.MapGet("/fossil-share/locks", async (FleetShareLocks locks, CancellationToken ct) => TypedResults.Ok(await locks.YearsAsync(ct)))
            .RequireAuthorization(Policies.Reports);
        group.MapPost("/fossil-share/locks/{year:int}", async (int year, ClaimsPrincipal user, FleetShareLocks locks, CancellationToken ct) =>
            ApiResults.From(await locks.LockAsync(user.ToActor(), year, ct), _ => TypedResults.NoContent())).RequireAuthorization(Policies.FleetManager);
        group.MapDelete("/fossil-share/locks/{year:int}", async (int year, ClaimsPrincipal user, FleetShareLocks locks, CancellationToken ct) =>
            ApiResults.From(await locks.UnlockAsync(user.ToActor(), year, ct), _ => TypedResults.NoContent())).RequireAuthorization(Policies.Admin);
        group.MapGet("/follow-up", async (HttpRequest request, ClaimsPrincipal user, TravelFollowUp followUp, CancellationToken ct) =>
        {
            var q = new QueryParser(request);
            var year = q.Int("year", 2000, 9999);
            return q.Errors.IsEmpty ? ApiResults.From(await followUp.BuildAsync(user.ToActor(), year, ct), TypedResults.Ok) : ApiResults.Invalid(q.Errors);
        }).RequireAuthorization(Policies.Reports).WithQuery<int>("year", "The year (2000-9999); this year if not given.");
        group.MapGet("/costs", (HttpRequest request, ClaimsPrincipal user, HireCosts costs, CancellationToken ct) =>
            ForPeriod(request, p => costs.BuildAsync(user.ToActor(), p.From, p.To, ct))).RequireAuthorization(Policies.Reports).WithPeriodQuery(department: false);
        group.MapGet("/phase-out", async (ClaimsPrincipal user, PhaseOutPlanner planner, CancellationToken ct) =>
            ApiResults.From(await planner.BuildAsync(user.ToActor(), ct), TypedResults.Ok)).RequireAuthorization(Policies.FleetManager);
        group.MapPut("/phase-out/{vehicleId:int}", async (int vehicleId, PlanRequest body, ClaimsPrincipal user, PhaseOutPlanner planner, CancellationToken ct) =>
            ApiResults.From(await planner.PlanAsync(user.ToActor(), vehicleId, body.PlannedRetirementOn, body.ReplacementFuel, ct), _ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.FleetManager);
        api.MapGroup("/exports").MapExports().WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv"]));
        return api;
    }

    /// <summary>The CSV downloads; mapped under /api (bearer) and under /exports for pages (the sign-in cookie).</summary>
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder exports)
    {
        exports.WithTags("Exports");
        exports.MapGet("/fossil-share.csv", async (HttpRequest request, ClaimsPrincipal user, CsvExports csv, CancellationToken ct) =>
        {
            var q = new QueryParser(request);
            var (from, to, department) = (q.Date("from"), q.Date("to"), q.Int("department"));
            return q.Errors.IsEmpty ? File(await csv.FleetShareAsync(user.ToActor(), department, from, to, ct), "fossilfri-flotta.csv") : ApiResults.Invalid(q.Errors);
        }).RequireAuthorization(Policies.Reports).WithPeriodQuery(department: true);
        exports.MapGet("/follow-up.csv", async (HttpRequest request, ClaimsPrincipal user, CsvExports csv, CancellationToken ct) =>
        {
            var q = new QueryParser(request);
            var year = q.Int("year", 2000, 9999);
            return q.Errors.IsEmpty ? File(await csv.FollowUpAsync(user.ToActor(), year, ct), "resor-uppfoljning.csv") : ApiResults.Invalid(q.Errors);
        }).RequireAuthorization(Policies.Reports).WithQuery<int>("year", "The year (2000-9999); this year if not given.");
        foreach (var (path, tripsOnly, name) in new[] { ("/bookings.csv", false, "bokningar.csv"), ("/trips.csv", true, "resor.csv") })
        {
            exports.MapGet(path, (HttpRequest request, ClaimsPrincipal user, CsvExports csv, CancellationToken ct) =>
            {
                var q = new QueryParser(request);
                var (from, to) = (q.Date("from"), q.Date("to"));
                q.Errors.AddIf(from is null, "from", "Required: yyyy-MM-dd.").AddIf(to is null, "to", "Required: yyyy-MM-dd.");
                return q.Errors.IsEmpty ? File(csv.Bookings(user.ToActor(), from!.Value, to!.Value, tripsOnly), name, ct) : ApiResults.Invalid(q.Errors);
            }).RequireAuthorization(Policies.FleetManager).WithPeriodQuery(department: false, required: true);
        }
        exports.MapGet("/injury-report/{reportId:int}.csv", async (int reportId, ClaimsPrincipal user, CsvExports csv, CancellationToken ct) =>
            File(await csv.InjuryReportAsync(user.ToActor(), reportId, ct), $"arbetsskada-underlag-{reportId}.csv")).RequireAuthorization(Policies.Staff);
        return exports;
    }

    private sealed record PeriodQuery(NodaTime.LocalDate? From, NodaTime.LocalDate? To, int? Department);

    // The reports' shared query string: from, to (yyyy-MM-dd) and department where the endpoint declares it (WithPeriodQuery); a bad value is a 400 naming it.
    private static async Task<Results<Ok<T>, ProblemHttpResult>> ForPeriod<T>(HttpRequest request, Func<PeriodQuery, Task<Core.Common.Outcome<T>>> build)
    {
        var q = new QueryParser(request);
        var period = new PeriodQuery(q.Date("from"), q.Date("to"), q.Declares("department") ? q.Int("department") : null);
        return q.Errors.IsEmpty ? ApiResults.From(await build(period), TypedResults.Ok) : ApiResults.Invalid(q.Errors);
    }

    // IResult on purpose: a typed result marks the endpoint as an API one, and .NET 10's cookie handler then answers a
    // signed-out browser on /exports with 401 instead of sending it to the login page.
#pragma warning disable CA1859
    private static IResult File(Core.Common.Outcome<byte[]> outcome, string name) =>
        ApiResults.From(outcome, bytes => TypedResults.File(bytes, "text/csv; charset=utf-8", name));

    private static IResult File(Core.Common.Outcome<StreamedCsv> outcome, string name, CancellationToken ct) =>
        ApiResults.From(outcome, csv => TypedResults.Stream(stream => csv.WriteTo(stream, ct), "text/csv; charset=utf-8", name));
#pragma warning restore CA1859
}
