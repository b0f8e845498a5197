using System.Net;
using System.Text;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>
/// Every API endpoint × anonymous, Staff, DepartmentLead, FleetManager and Admin. The table says who may call each; the
/// test fails on any 2xx (or anything but 401/403) for someone who may not, on a 401/403 for someone who may, and on an
/// endpoint missing from the table — a new endpoint has to be classified here before it can ship.
/// </summary>
public class AuthorizationMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    // The least privileged caller each endpoint admits: Anonymous < Staff < Lead (leads, fleet managers, admins) < Fleet < Admin.
    private static readonly Dictionary<string, Who> Table = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/login"] = Who.Anonymous,
        ["POST /api/auth/refresh"] = Who.Anonymous,
        ["POST /api/auth/logout"] = Who.Staff,
        ["GET /api/calendar/{token}.ics"] = Who.Anonymous,
        ["GET /api/availability"] = Who.Staff,
        ["GET /api/trips/parse"] = Who.Staff,
        ["POST /api/trips/round"] = Who.Staff,
        ["POST /api/bookings/"] = Who.Staff,
        ["PUT /api/bookings/{id:int}"] = Who.Staff,
        ["GET /api/bookings/mine"] = Who.Staff,
        ["GET /api/bookings/{id:int}"] = Who.Staff,
        ["POST /api/bookings/{id:int}/cancel"] = Who.Staff,
        ["POST /api/bookings/{id:int}/checkout"] = Who.Staff,
        ["POST /api/bookings/{id:int}/checkin"] = Who.Staff,
        ["POST /api/bookings/{id:int}/readings"] = Who.Fleet,
        ["POST /api/series/"] = Who.Staff,
        ["POST /api/waitlist/"] = Who.Staff,
        ["GET /api/users/me/cost-centers"] = Who.Staff,
        ["POST /api/vehicles/{id:int}/damage"] = Who.Staff,
        ["POST /api/damage/{id:int}/resolve"] = Who.Fleet,
        ["GET /api/vehicles/{id:int}/maintenance/"] = Who.Fleet,
        ["POST /api/vehicles/{id:int}/maintenance/preview"] = Who.Fleet,
        ["POST /api/vehicles/{id:int}/maintenance/"] = Who.Fleet,
        ["POST /api/vehicles/{id:int}/maintenance/{windowId:int}/end"] = Who.Fleet,
        ["GET /api/vehicles/{id:int}/upkeep/"] = Who.Fleet,
        ["PUT /api/vehicles/{id:int}/upkeep/"] = Who.Fleet,
        ["POST /api/vehicles/{id:int}/upkeep/done"] = Who.Fleet,
        ["GET /api/upkeep/due"] = Who.Fleet,
        ["GET /api/fleet/todo"] = Who.Fleet,
        ["POST /api/damage/{id:int}/photos"] = Who.Staff,
        ["GET /api/damage/{id:int}/photos/{photoId:int}"] = Who.Staff,
        ["GET /api/damage/{id:int}/injury-report"] = Who.Staff,
        ["GET /api/exports/injury-report/{reportId:int}.csv"] = Who.Staff,
        ["GET /api/users/me/email"] = Who.Staff,
        ["GET /api/users/"] = Who.Admin,
        ["POST /api/users/"] = Who.Admin,
        ["PUT /api/users/{id:int}"] = Who.Admin,
        ["GET /api/users/me/calendar"] = Who.Staff,
        ["GET /api/users/me/data"] = Who.Staff,
        ["GET /api/users/{id:int}/data"] = Who.Admin,
        ["POST /api/users/me/calendar/regenerate"] = Who.Staff,
        ["GET /api/sites/"] = Who.Staff,
        ["GET /api/sites/rules"] = Who.Fleet,
        ["PUT /api/sites/{id:int}/rules"] = Who.Fleet,
        ["GET /api/org-units"] = Who.Staff,
        ["GET /api/cost-centers"] = Who.Fleet,
        ["GET /api/imports/{kind}/columns"] = Who.Fleet,
        ["POST /api/imports/{kind}"] = Who.Fleet,
        ["GET /api/audit"] = Who.Admin,
        ["PUT /api/places/{id:int}"] = Who.Fleet,
        ["PUT /api/users/me/email"] = Who.Staff,
        ["GET /api/approvals/"] = Who.Lead,
        ["POST /api/approvals/{bookingId:int}/approve"] = Who.Lead,
        ["POST /api/approvals/{bookingId:int}/decline"] = Who.Lead,
        ["GET /api/approval-rules/"] = Who.Fleet,
        ["POST /api/approval-rules/"] = Who.Fleet,
        ["DELETE /api/approval-rules/{id:int}"] = Who.Fleet,
        ["GET /api/waitlist/mine"] = Who.Staff,
        ["POST /api/waitlist/{id:int}/claim"] = Who.Staff,
        ["POST /api/waitlist/{id:int}/leave"] = Who.Staff,
        ["GET /api/series/{id:int}"] = Who.Staff,
        ["PUT /api/series/{id:int}"] = Who.Staff,
        ["POST /api/series/{id:int}/cancel"] = Who.Staff,
        ["GET /api/notifications/"] = Who.Staff,
        ["POST /api/notifications/read"] = Who.Staff,
        ["GET /api/places/"] = Who.Staff,
        ["POST /api/places/"] = Who.Fleet,
        ["DELETE /api/places/{id:int}"] = Who.Fleet,
        ["GET /api/reports/steering"] = Who.Lead,
        ["GET /api/reports/fossil-share"] = Who.Lead,
        ["POST /api/reports/fossil-share/run"] = Who.Fleet,
        ["GET /api/reports/fossil-share/locks"] = Who.Lead,
        ["POST /api/reports/fossil-share/locks/{year:int}"] = Who.Fleet,
        ["DELETE /api/reports/fossil-share/locks/{year:int}"] = Who.Admin,
        ["GET /api/reports/costs"] = Who.Lead,
        ["GET /api/reports/follow-up"] = Who.Lead,
        ["GET /api/exports/follow-up.csv"] = Who.Lead,
        ["GET /api/reports/phase-out"] = Who.Fleet,
        ["PUT /api/reports/phase-out/{vehicleId:int}"] = Who.Fleet,
        ["GET /api/exports/fossil-share.csv"] = Who.Lead,
        ["GET /api/exports/bookings.csv"] = Who.Fleet,
        ["GET /api/exports/trips.csv"] = Who.Fleet,
        ["POST /api/users/{id:int}/deactivate"] = Who.Admin,
        ["POST /api/users/{id:int}/licence/verify"] = Who.Fleet,
        ["GET /api/vehicles/"] = Who.Staff,
        ["GET /api/vehicles/{id:int}"] = Who.Staff,
        ["GET /api/vehicles/{id:int}/details"] = Who.Staff,
        ["GET /api/vehicles/{id:int}/damage"] = Who.Staff,
        ["POST /api/vehicles/"] = Who.Fleet,
        ["PUT /api/vehicles/{id:int}"] = Who.Fleet,
        ["POST /api/vehicles/{id:int}/odometer"] = Who.Fleet,
        ["POST /api/vehicles/{id:int}/charging"] = Who.Fleet,
        ["POST /api/energy/import"] = Who.Fleet,
        ["GET /api/energy/mappings"] = Who.Fleet,
        ["GET /api/energy/unmatched"] = Who.Fleet,
    };

    private static readonly Dictionary<Who, string?> Emails = new()
    {
        [Who.Anonymous] = null, [Who.Staff] = TestData.Staff, [Who.Lead] = TestData.Lead, [Who.Fleet] = TestData.Fleet, [Who.Admin] = TestData.Admin,
    };

    private List<(string Method, string Pattern)> ApiEndpoints() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
        .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
        .Where(e => !e.Item2.StartsWith("/api/openapi", StringComparison.Ordinal)).Distinct().ToList();

    [Fact]
    public void Table_EveryApiEndpoint_IsClassified()
    {
        var unclassified = ApiEndpoints().Select(e => $"{e.Method} {e.Pattern}").Where(k => !Table.ContainsKey(k)).ToList();
        Assert.True(unclassified.Count == 0, "Classify in the matrix: " + string.Join(", ", unclassified));
    }

    [Fact]
    public async Task Matrix_EveryEndpointEveryRole_OnlyTheAdmittedGetPastAuthorization()
    {
        var clients = new Dictionary<Who, HttpClient>();
        foreach (var (who, email) in Emails)
        {
            clients[who] = email is null ? app.CreateClient() : await app.ClientForAsync(email);
        }
        var failures = new List<string>();
        var cells = 0;
        foreach (var (method, pattern) in ApiEndpoints().Where(e => Table.ContainsKey($"{e.Method} {e.Pattern}")))
        {
            var url = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\w+:int\}", "999999").Replace("{token}", "0000", StringComparison.Ordinal);
            var least = Table[$"{method} {pattern}"];
            foreach (var (who, client) in clients.ToList())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
                var status = (await client.SendAsync(request)).StatusCode;
                cells++;
                if (pattern == "/api/auth/logout" && Emails[who] is { } email)
                {
                    clients[who] = await app.ClientForAsync(email); // logging out revoked that token: sign in again
                }
                var admitted = least.Admits(who);
                var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (!admitted && status != (who == Who.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden))
                {
                    failures.Add($"{who} {method} {url}: {(int)status}, expected {(who == Who.Anonymous ? 401 : 403)}");
                }
                else if (admitted && refused)
                {
                    failures.Add($"{who} {method} {url}: {(int)status}, expected to get past authorization");
                }
                else if (status == HttpStatusCode.InternalServerError)
                {
                    failures.Add($"{who} {method} {url}: 500 for an unknown id or an empty body, expected a problem");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(cells >= Table.Count * Emails.Count, $"{cells} cells");
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "measurements.txt"), $"Authorization matrix: {cells} cells checked{Environment.NewLine}");
    }

    [Theory]
    [InlineData("/api/reports/steering")]
    [InlineData("/api/reports/fossil-share")]
    [InlineData("/api/exports/fossil-share.csv")]
    public async Task Matrix_LeadOwnVersusOtherDepartment_OwnOnly(string path)
    {
        var lead = await app.ClientForAsync(TestData.Lead);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"{path}?department={app.Ids.Department}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"{path}?department={app.Ids.OtherDepartment}")).StatusCode);
    }
}
