using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

/// <summary>
/// Well over a thousand malformed or hostile requests across the API, sent by a caller allowed to reach each endpoint:
/// no 5xx, and every rejected request leaves the database as it was. Stored hostile text is shown encoded in the UI.
/// </summary>
public class HostileInputTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly JsonNode?[] Hostile =
    [
        null, "", " ", new string('x', 100_000), "<script>alert(1)</script>", "'; DROP TABLE \"Bookings\";--", "\u0000\u0001\u001f",
        "\u202Eevil", string.Concat(Enumerable.Repeat("😀", 3000)), "Ａ\u0301\u0301\u0301", -1, 0, int.MaxValue, long.MaxValue, 1e308, -1e308,
        true, new JsonArray(), new JsonObject(), "2026-03-29T02:30:00", "2026-03-29T02:30:00+01:00", "9999-12-31T23:59:59+14:00",
        "0001-01-01T00:00:00Z", "not-a-date", "NaN", "Infinity", -2147483648, 0.5, "1e999",
        // Generated edges: enum combinations and numbers, dates at the ends of the calendar, encoded control and full-width characters.
        "cargoBike, van", "car,van", "99", "Car", "eBike\u0000", "0001-01-01", "9999-12-31", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
        "-0001-01-01", "2026-02-30", "%0d%0a", "/\r\nSet-Cookie:x=1", "／／evil.example", "\uFFFF", "\uD800", 2147483648L, -0.0, 1e-320,
    ];

    private sealed record Target(string Method, string Url, string Email, JsonObject Body);

    private List<Target> Targets()
    {
        var ids = app.Ids;
        JsonObject Booking() => new()
        {
            ["vehicleId"] = ids.EBike, ["start"] = "2026-04-01T09:00:00+02:00", ["end"] = "2026-04-01T10:00:00+02:00", ["purpose"] = "Möte",
            ["costCenter"] = TestData.CostCenter, ["distanceKm"] = 3, ["passengers"] = 1, ["placeId"] = null, ["carReason"] = null, ["alternativeCheck"] = "no",
        };
        return
        [
            new("POST", "/api/bookings", TestData.Staff, Booking()),
            new("PUT", "/api/bookings/1", TestData.Staff, new JsonObject { ["vehicleId"] = ids.Bike, ["start"] = "2026-04-02T09:00:00+02:00", ["end"] = "2026-04-02T10:00:00+02:00" }),
            new("POST", "/api/bookings/1/checkout", TestData.Staff, new JsonObject { ["odometerKm"] = 1000, ["batteryPercent"] = 80, ["fuelEighths"] = 8 }),
            new("POST", "/api/vehicles", TestData.Fleet, new JsonObject
            {
                ["kind"] = "car", ["name"] = "Ny bil", ["registration"] = "HOS 001", ["siteId"] = ids.OpenSite, ["departmentId"] = ids.Department,
                ["fuel"] = "electric", ["rangeKm"] = 400, ["seats"] = 5, ["acquiredOn"] = "2026-01-01",
            }),
            new("PUT", $"/api/vehicles/{ids.Bike}", TestData.Fleet, new JsonObject
            {
                ["kind"] = "bike", ["name"] = "Cykel 1", ["siteId"] = ids.OpenSite, ["departmentId"] = ids.Department, ["seats"] = 1, ["acquiredOn"] = "2024-01-01",
            }),
            new("POST", $"/api/vehicles/{ids.Bike}/odometer", TestData.Fleet, new JsonObject { ["odometerKm"] = 1200, ["reason"] = "Byte av mätare" }),
            new("POST", "/api/bookings/1/readings", TestData.Fleet, new JsonObject { ["odometerOutKm"] = 1000, ["odometerInKm"] = 1010, ["reason"] = "Felskrivet" }),
            new("POST", "/api/places", TestData.Fleet, new JsonObject { ["name"] = "Plats", ["address"] = "Väg 1", ["latitude"] = 59.2, ["longitude"] = 18.0, ["confidential"] = false }),
            new("POST", $"/api/users/{ids.Unlicensed}/licence/verify", TestData.Fleet, new JsonObject { ["licenceClasses"] = "B", ["licenceExpiresOn"] = "2030-01-01" }),
            new("PUT", $"/api/reports/phase-out/{ids.PetrolCar}", TestData.Fleet, new JsonObject { ["plannedRetirementOn"] = "2027-01-01", ["replacementFuel"] = "electric" }),
            // An unknown address: a wrong password for a real one rightly counts towards lockout (a change by design).
            new("POST", "/api/auth/login", "", new JsonObject { ["email"] = "nobody@test.se", ["password"] = "wrong" }),
        ];
    }

    private static readonly string[] Queries =
    [
        "/api/availability?site={0}&from={0}&to={0}&distanceKm={0}&placeId={0}", "/api/reports/steering?from={0}&to={0}&department={0}",
        "/api/reports/fossil-share?from={0}&department={0}", "/api/reports/costs?to={0}", "/api/exports/trips.csv?from={0}&to={0}",
        "/api/places?search={0}", "/api/vehicles?site={0}&kind={0}", "/api/bookings/mine?page={0}&pageSize={0}", "/api/calendar/{0}.ics",
        "/api/reports/fossil-share?to={0}", "/api/reports/costs?from={0}&to={0}", "/api/exports/fossil-share.csv?from={0}&to={0}&department={0}",
        "/api/exports/bookings.csv?from={0}&to={0}", "/api/bookings/{0}", "/api/vehicles/{0}", "/api/availability?site=1&from=2026-04-01T09:00:00%2B02:00&to={0}&kind={0}&passengers={0}",
        // Pages and their endpoints: query strings and route values.
        "/account/login?returnUrl={0}&external={0}", "/culture?name={0}&returnUrl={0}", "/account/external?returnUrl={0}", "/account/external/done?returnUrl={0}",
        "/exports/trips.csv?from={0}&to={0}", "/exports/fossil-share.csv?department={0}", "/fleet/{0}", "/reports/fossil-share?department={0}", "/book?site={0}",
    ];

    // Every row of what the targets could write, every column: a rejected request must leave contents as they were, not
    // only the counts. Of users, what an account holds (a failed sign-in may count attempts, which is not a write of data).
    private Task<string> SnapshotAsync() => app.QueryAsync(async db => string.Join("\n",
        await RowsAsync<Core.Bookings.Booking>(db), await RowsAsync<Core.Fleet.Vehicle>(db), await RowsAsync<Core.Steering.Place>(db),
        await RowsAsync<Core.Audit.AuditEntry>(db), await RowsAsync<Core.Bookings.Refuelling>(db),
        string.Join("\n", (await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync()).Select(u =>
            $"{u.Id}|{u.DisplayName}|{u.Email}|{u.DepartmentId}|{u.IsActive}|{u.LicenceClasses}|{u.LicenceExpiresOn}|{u.LicenceVerifiedAt}|{u.PasswordHash}"))));

    private static async Task<string> RowsAsync<T>(Core.Data.FleetPoolDb db) where T : class
    {
        var properties = db.Model.FindEntityType(typeof(T))!.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        var rows = await db.Set<T>().AsNoTracking().ToListAsync();
        return string.Join("\n", rows.Select(r => string.Join("|", properties.Select(p =>
            Convert.ToString(p.PropertyInfo!.GetValue(r), System.Globalization.CultureInfo.InvariantCulture)))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Send_ThousandsOfHostileRequests_No5xxAndRejectedOnesChangeNothing()
    {
        var clients = new Dictionary<string, HttpClient> { [""] = app.CreateClient() };
        foreach (var email in new[] { TestData.Staff, TestData.Fleet })
        {
            clients[email] = await app.ClientForAsync(email);
        }
        var sent = 0;
        var problems = new List<string>();
        async Task SendAsync(string label, HttpClient client, HttpRequestMessage request)
        {
            var before = await SnapshotAsync();
            var response = await client.SendAsync(request);
            sent++;
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"{label}: {(int)response.StatusCode}");
            }
            else if ((int)response.StatusCode >= 400 && await SnapshotAsync() is var after && after != before)
            {
                var changed = after.Split('\n').Except(before.Split('\n')).FirstOrDefault() ?? "a row removed";
                problems.Add($"{label}: rejected with {(int)response.StatusCode} but the database changed: {changed[..Math.Min(changed.Length, 200)]}");
            }
        }
        foreach (var target in Targets())
        {
            foreach (var field in target.Body.Select(p => p.Key).ToList())
            {
                foreach (var value in Hostile)
                {
                    var body = target.Body.DeepClone().AsObject();
                    body[field] = value?.DeepClone();
                    using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
                    await SendAsync($"{target.Method} {target.Url} {field}={Show(value)}", clients[target.Email], request);
                }
            }
            foreach (var (raw, type) in new[] { ("{", "application/json"), ("null", "application/json"), ("[]", "application/json"), ("<x/>", "application/xml"), ("a=1", "text/plain"), (new string('[', 10_000), "application/json") })
            {
                using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url) { Content = new StringContent(raw, Encoding.UTF8, type) };
                await SendAsync($"{target.Method} {target.Url} raw {type}", clients[target.Email], request);
            }
        }
        foreach (var query in Queries)
        {
            foreach (var value in Hostile)
            {
                var text = Uri.EscapeDataString(value?.ToJsonString().Trim('"') ?? "");
                using var request = new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, query, text));
                await SendAsync($"GET {query} {Show(value)}", clients[TestData.Fleet], request);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
        Assert.True(sent >= 1000, $"{sent} requests");
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "measurements.txt"), $"Hostile input: {sent} requests, 0 5xx{Environment.NewLine}");
    }

    [Fact]
    public async Task Render_ScriptInPurpose_ShownAsText()
    {
        var staff = await app.ClientForAsync(TestData.Staff);
        var created = await staff.BookAsync(ApiCalls.Booking(app.Ids.Bike, "2026-04-20T09:00:00+02:00", "2026-04-20T10:00:00+02:00", purpose: "<script>alert('xss')</script>", distanceKm: 3));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await (await BrowserLikeClient.SignedInAsync(app, TestData.Staff)).GetStringAsync("/bookings");

        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", page, StringComparison.Ordinal);
    }

    private static string Show(JsonNode? value) => value?.ToJsonString() is { Length: > 40 } long_ ? long_[..40] + "…" : value?.ToJsonString() ?? "null";
}
