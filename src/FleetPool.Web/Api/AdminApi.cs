using System.Security.Claims;
using System.Text;
using FleetPool.Core.Audit;
using FleetPool.Core.Import;
using FleetPool.Web.Setup;
using NodaTime;

namespace FleetPool.Web.Api;

/// <summary><c>/api/imports</c> and <c>/api/audit</c>: what the admin pages do, for other systems.</summary>
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapGet("/{kind}/columns", (string kind) => Kind(kind) is { } k ? Results.Ok(CsvImport.Columns(k)) : UnknownKind())
            .RequireAuthorization(Policies.FleetManager).Produces<IReadOnlyList<string>>()
            .WithSummary("The columns a CSV file of this kind has (sites, departments, costCentres, users, vehicles, places).");
        imports.MapPost("/{kind}", async (string kind, bool? dryRun, HttpRequest request, ClaimsPrincipal user, CsvImport import, CancellationToken ct) =>
            {
                if (Kind(kind) is not { } k)
                {
                    return UnknownKind();
                }
                using var reader = new StringReader(await CsvImport.ReadTextAsync(request.Body, ct));
                return ApiResults.From(await import.RunAsync(k, user.ToActor(), reader, dryRun ?? true, ct), result => result.Ok || result.DryRun
                    ? TypedResults.Ok(result)
                    : Results.ValidationProblem(result.Errors.GroupBy(e => $"line{e.Line}.{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                        title: "Nothing was imported: fix the lines named.", statusCode: StatusCodes.Status422UnprocessableEntity));
            })
            .RequireAuthorization(Policies.FleetManager).Produces<ImportResult>()
            .WithRawBody("The CSV file, UTF-8 (or Windows-1252, as Swedish Excel saves it), separated by ';' or ',', with the columns GET /api/imports/{kind}/columns lists.", "text/csv")
            .WithSummary("Checks a CSV file (the body, UTF-8) and, with dryRun=false, imports it all or nothing. Admins import every kind, fleet managers places. A dry run (the default) lists every bad line.");
        api.MapGet("/audit", async (int? actorId, string? entity, DateTimeOffset? since, DateTimeOffset? until, int? page, int? pageSize,
                ClaimsPrincipal user, AuditLog log, CancellationToken ct) =>
                ApiResults.From(await log.SearchAsync(user.ToActor(), new AuditQuery(actorId, entity,
                    since is { } s ? Instant.FromDateTimeOffset(s) : null, until is { } u ? Instant.FromDateTimeOffset(u) : null, page ?? 1, pageSize ?? 50), ct), TypedResults.Ok))
            .RequireAuthorization(Policies.Admin).WithTags("Audit").Produces<Core.Common.Page<AuditRow>>()
            .WithSummary("The audit trail, newest first, a page at a time (pageSize at most 200), by actor, entity and period (admins).");
        return api;
    }

    private static ImportKind? Kind(string kind) => Enum.TryParse<ImportKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k : null;

    private static IResult UnknownKind() => ApiResults.From(Core.Common.Problem.NotFound("ImportKind"));
}
