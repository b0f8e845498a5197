using System.Net;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>
/// Every page and every cookie-signed GET endpoint outside /api × anonymous, Staff, DepartmentLead, FleetManager and
/// Admin, through the real login form. Anonymous goes to the login page, a signed-in user who may not goes to the
/// friendly /forbidden page, and nobody else gets a 2xx; an unclassified route fails the test.
/// </summary>
public class PageMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    // The least privileged visitor each page admits; Anonymous pages are the ones a signed-out person must reach.
    private static readonly Dictionary<string, Who> Table = new(StringComparer.Ordinal)
    {
        ["/account/login"] = Who.Anonymous,
        ["/not-found"] = Who.Anonymous,
        ["/culture"] = Who.Anonymous,
        ["/health"] = Who.Anonymous,
        ["/health/live"] = Who.Anonymous,
        ["/health/ready"] = Who.Anonymous,
        ["/account/external"] = Who.Anonymous,
        ["/account/external/done"] = Who.Anonymous,
        ["/openapi/{documentName}.json"] = Who.Anonymous, // the API's description, as the API itself says 401 to strangers
        ["/api-reference/{documentName?}"] = Who.Anonymous, // its interactive reference (Scalar) and the reference's own files
        ["/api-reference/scalar.js"] = Who.Anonymous,
        ["/api-reference/scalar.aspnetcore.js"] = Who.Anonymous,
        ["/api-reference/favicon.svg"] = Who.Anonymous,
        ["/forbidden"] = Who.Staff,
        ["/"] = Who.Staff,
        ["/book"] = Who.Staff,
        ["/bookings"] = Who.Staff,
        ["/series/{Id:int}"] = Who.Staff,
        ["/inbox"] = Who.Staff,
        ["/profile"] = Who.Staff,
        ["/fleet/{Id:int}"] = Who.Staff,
        ["/v/{VehicleId:int}"] = Who.Staff,
        ["/s/{SiteId:int}"] = Who.Staff,
        ["/reports/fossil-share"] = Who.Lead,
        ["/reports/steering"] = Who.Lead,
        ["/exports/fossil-share.csv"] = Who.Lead,
        ["/exports/follow-up.csv"] = Who.Lead,
        ["/fleet"] = Who.Fleet,
        ["/fleet/places"] = Who.Fleet,
        ["/fleet/sites"] = Who.Fleet,
        ["/fleet/phase-out"] = Who.Fleet,
        ["/fleet/stickers"] = Who.Fleet,
        ["/fleet/energy"] = Who.Fleet,
        ["/reports/follow-up"] = Who.Lead,
        ["/approvals"] = Who.Lead,
        ["/admin/users"] = Who.Fleet,
        ["/exports/bookings.csv"] = Who.Fleet,
        ["/exports/trips.csv"] = Who.Fleet,
        ["/exports/injury-report/{reportId:int}.csv"] = Who.Staff, // the reporter or a fleet manager; others 404
        ["/exports/me/data.json"] = Who.Staff,
        ["/exports/users/{Id:int}/data.json"] = Who.Admin,
        ["/exports/damage/{id:int}/photos/{photoId:int}.jpg"] = Who.Staff, // likewise
        ["/admin/audit"] = Who.Admin,
        ["/admin/import"] = Who.Admin,
    };

    private List<string> PageRoutes() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
        .Select(e => e.RoutePattern.RawText ?? "")
        .Where(p => !p.StartsWith("/api/", StringComparison.Ordinal) && !p.StartsWith("/_", StringComparison.Ordinal)
            && !p.StartsWith("/hangfire", StringComparison.Ordinal) && !p.Contains("{*", StringComparison.Ordinal)
            && p.StartsWith('/'))
        .Distinct().ToList();

    [Fact]
    public void Table_EveryPageRoute_IsClassified()
    {
        var routes = PageRoutes();
        var unclassified = routes.Where(r => !Table.ContainsKey(r)).ToList();
        Assert.True(unclassified.Count == 0, "Classify in the page matrix: " + string.Join(", ", unclassified));
        Assert.Contains("/fleet/{Id:int}", routes); // the enumeration really sees the Razor component pages
    }

    [Fact]
    public async Task Matrix_EveryPageEveryRole_AnonymousToLoginOthersToForbidden()
    {
        var clients = new Dictionary<Who, HttpClient>
        {
            [Who.Anonymous] = BrowserLikeClient.Anonymous(app),
            [Who.Staff] = await BrowserLikeClient.SignedInAsync(app, TestData.Staff),
            [Who.Lead] = await BrowserLikeClient.SignedInAsync(app, TestData.Lead),
            [Who.Fleet] = await BrowserLikeClient.SignedInAsync(app, TestData.Fleet),
            [Who.Admin] = await BrowserLikeClient.SignedInAsync(app, TestData.Admin),
        };
        var failures = new List<string>();
        var cells = 0;
        foreach (var route in PageRoutes().Where(Table.ContainsKey))
        {
            var url = route.Replace("{Id:int}", app.Ids.PetrolCar.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{VehicleId:int}", app.Ids.PetrolCar.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{SiteId:int}", app.Ids.OpenSite.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{documentName}", "v1", StringComparison.Ordinal);
            foreach (var (who, client) in clients)
            {
                var response = await client.GetAsync(url);
                cells++;
                var location = response.Headers.Location?.OriginalString ?? "";
                var sentAway = response.StatusCode == HttpStatusCode.Redirect
                    && (location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/forbidden", StringComparison.Ordinal));
                if (route == "/forbidden" && who != Who.Anonymous)
                {
                    failures.AddRange(response.StatusCode == HttpStatusCode.Forbidden ? [] : [$"{who} GET /forbidden: {(int)response.StatusCode}, expected the friendly 403 page"]);
                }
                else if (Table[route].Admits(who))
                {
                    if ((int)response.StatusCode >= 500 || sentAway)
                    {
                        failures.Add($"{who} GET {url}: {(int)response.StatusCode} {location}, expected to be let in");
                    }
                }
                else
                {
                    var expected = who == Who.Anonymous ? "/account/login" : "/forbidden";
                    if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains(expected, StringComparison.Ordinal))
                    {
                        failures.Add($"{who} GET {url}: {(int)response.StatusCode} {location}, expected a redirect to {expected}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(cells >= Table.Count * clients.Count - clients.Count * 2, $"{cells} cells");
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "measurements.txt"), $"Page matrix: {cells} cells checked{Environment.NewLine}");
    }

    [Theory]
    [InlineData("/reports/fossil-share")]
    [InlineData("/reports/steering")]
    public async Task Matrix_LeadOnReportPage_OwnDepartmentOnly(string path)
    {
        var lead = await BrowserLikeClient.SignedInAsync(app, TestData.Lead);
        var html = WebUtility.HtmlDecode(await lead.GetStringAsync(path));
        Assert.Contains("Hemtjänst", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hela organisationen", html, StringComparison.Ordinal);
        var fleet = await BrowserLikeClient.SignedInAsync(app, TestData.Fleet);
        Assert.Contains("Hela organisationen", WebUtility.HtmlDecode(await fleet.GetStringAsync(path)), StringComparison.Ordinal);
    }
}
