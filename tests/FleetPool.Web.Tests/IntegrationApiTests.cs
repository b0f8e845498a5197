using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FleetPool.Web.Tests.Infrastructure;

namespace FleetPool.Web.Tests;

/// <summary>
/// What the admin and fleet pages do, through the API other systems use: users, the calendar feed, site rules, the
/// organisation, CSV imports and the audit trail — the same rules and roles as the pages (Core decides both).
/// </summary>
public class IntegrationApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Users_CreateListUpdate_AdminRoundTripWithFieldErrors()
    {
        var admin = await app.ClientForAsync(TestData.Admin);
        var email = $"ny.{Guid.NewGuid():N}@test.se";
        var create = await admin.PostAsJsonAsync("/api/users", new { displayName = "Nils Ny", email, departmentId = app.Ids.Department, roles = Array.Empty<string>(), password = "Lösen!2026ord" });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var id = (await create.JsonAsync()).GetProperty("id").GetInt32();
        await (await admin.PostAsJsonAsync("/api/users", new { displayName = "Nils Igen", email, password = "Lösen!2026ord" })).AssertProblemAsync(HttpStatusCode.Conflict, "email");
        await (await admin.PostAsJsonAsync("/api/users", new { displayName = "Utan adress", password = "Lösen!2026ord" })).AssertProblemAsync(HttpStatusCode.BadRequest, "email");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{id}", new { departmentId = app.Ids.OtherDepartment, roles = new[] { "FleetManager" } })).StatusCode);
        await (await admin.PutAsJsonAsync($"/api/users/{id}", new { roles = new[] { "Emperor" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "roles");

        var row = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("id").GetInt32() == id);
        Assert.Equal(email, row.GetProperty("email").GetString());
        Assert.Equal(app.Ids.OtherDepartment, row.GetProperty("departmentId").GetInt32());
        Assert.Equal(["FleetManager", "Staff"], row.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
    }

    [Fact]
    public async Task DamageList_ReporterColleagueAndManager_TextOnlyForThoseWhoMayReadOpenFilterFollowsResolve()
    {
        var staff = await app.ClientForAsync(TestData.Staff);
        var colleague = await app.ClientForAsync(TestData.Unlicensed);
        var fleet = await app.ClientForAsync(TestData.Fleet);
        var bike = app.Ids.Bike;
        var filed = await staff.PostAsJsonAsync($"/api/vehicles/{bike}/damage", new { description = "Kedjan hoppar av", severity = "minor", usable = true });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.JsonAsync()).GetProperty("id").GetInt32();

        JsonElement Report(JsonElement list) => list.EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == id);
        Assert.Equal("Kedjan hoppar av", Report(await staff.GetOkJsonAsync($"/api/vehicles/{bike}/damage")).GetProperty("description").GetString());
        Assert.Equal("minor", Report(await fleet.GetOkJsonAsync($"/api/vehicles/{bike}/damage?open=true")).GetProperty("severity").GetString());
        var seenByColleague = Report(await colleague.GetOkJsonAsync($"/api/vehicles/{bike}/damage"));
        Assert.Equal(JsonValueKind.Null, seenByColleague.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, seenByColleague.GetProperty("injuryAccident").ValueKind);
        Assert.Equal(JsonValueKind.Null, seenByColleague.GetProperty("severity").ValueKind);
        // The vehicle page's view through the API hides the same text from the colleague.
        var details = await colleague.GetOkJsonAsync($"/api/vehicles/{bike}/details");
        Assert.Equal(JsonValueKind.Null, Report(details.GetProperty("damage")).GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, details.GetProperty("costs").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await fleet.PostAsync($"/api/damage/{id}/resolve", null)).StatusCode);
        Assert.DoesNotContain((await fleet.GetOkJsonAsync($"/api/vehicles/{bike}/damage?open=true")).EnumerateArray(), d => d.GetProperty("id").GetInt32() == id);
        Assert.NotEqual(JsonValueKind.Null, Report(await fleet.GetOkJsonAsync($"/api/vehicles/{bike}/damage")).GetProperty("resolvedAt").ValueKind);
        await (await fleet.GetAsync("/api/vehicles/999999/damage")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await fleet.GetAsync($"/api/vehicles/{bike}/damage?open=perhaps")).AssertProblemAsync(HttpStatusCode.BadRequest, "open");
    }

    [Fact]
    public async Task Calendar_ReadAndRegenerate_NewFeedWorksOldStops()
    {
        var staff = await app.ClientForAsync(TestData.Unlicensed);
        var before = await staff.GetFromJsonAsync<JsonElement>("/api/users/me/calendar");
        var first = await (await staff.PostAsync("/api/users/me/calendar/regenerate", null)).JsonAsync();
        var second = await (await staff.PostAsync("/api/users/me/calendar/regenerate", null)).JsonAsync();

        var oldFeed = first.GetProperty("feedUrl").GetString()!;
        var newFeed = second.GetProperty("feedUrl").GetString()!;
        Assert.Equal($"http://localhost/api/calendar/{second.GetProperty("token").GetString()}.ics", newFeed);
        Assert.Equal(second.GetProperty("token").GetString(), (await staff.GetFromJsonAsync<JsonElement>("/api/users/me/calendar")).GetProperty("token").GetString());
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(newFeed).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(oldFeed).PathAndQuery)).StatusCode);
        Assert.NotEqual(before.GetProperty("token").ToString(), second.GetProperty("token").GetString());
    }

    [Fact]
    public async Task SiteRules_PutThroughApi_SavedAndBadHoursNamed()
    {
        var fleet = await app.ClientForAsync(TestData.Fleet);
        var site = app.Ids.WeekdaySite;
        var monday = new { day = "monday", opens = "08:00", closes = "16:00" };
        var saved = await fleet.PutAsJsonAsync($"/api/sites/{site}/rules", new
        {
            name = "ignored", alwaysOpen = false, openOnHolidays = false, week = new[] { monday }, maxDaysAhead = 30, pickUpInstructions = "Nyckeln i receptionen",
        });
        var body = await saved.Content.ReadAsStringAsync();
        Assert.True(saved.StatusCode == HttpStatusCode.OK, body);
        var rules = (await fleet.GetFromJsonAsync<JsonElement>("/api/sites/rules")).EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == site);
        Assert.Equal(30, rules.GetProperty("maxDaysAhead").GetInt32());
        Assert.Equal("Nyckeln i receptionen", rules.GetProperty("pickUpInstructions").GetString());
        Assert.Equal("08:00", rules.GetProperty("week").EnumerateArray().Single(d => d.GetProperty("day").GetString() == "monday").GetProperty("opens").GetString());

        await (await fleet.PutAsJsonAsync($"/api/sites/{site}/rules", new { alwaysOpen = false, week = new[] { new { day = "monday", opens = "16:00", closes = "08:00" } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "week.Monday");
        await (await fleet.PutAsJsonAsync($"/api/sites/{site}/rules", new { alwaysOpen = false, week = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.BadRequest, "week");
        await (await fleet.PutAsJsonAsync($"/api/sites/{site}/rules", new { alwaysOpen = false, week = new[] { monday, monday } })).AssertProblemAsync(HttpStatusCode.BadRequest, "week");
        await (await fleet.PutAsJsonAsync("/api/sites/999999/rules", new { alwaysOpen = true })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Imports_DryRunThenCommit_AllOrNothingAndOrganisationListed()
    {
        var admin = await app.ClientForAsync(TestData.Admin);
        var name = $"Enhet {Guid.NewGuid():N}"[..20];
        var good = $"name;parent\n{name};Kommunstyrelsen\n";
        var bad = $"name;parent\n{name};Kommunstyrelsen\nTrasig;Finns inte\n";

        var dry = await (await admin.PostAsync("/api/imports/departments?dryRun=true", Csv(bad))).JsonAsync();
        Assert.Equal(2, dry.GetProperty("rows").GetInt32());
        Assert.Equal(3, Assert.Single(dry.GetProperty("errors").EnumerateArray()).GetProperty("line").GetInt32());
        await (await admin.PostAsync("/api/imports/departments?dryRun=false", Csv(bad))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "line3.parent");
        Assert.DoesNotContain(name, await admin.GetStringAsync("/api/org-units"), StringComparison.Ordinal); // nothing written

        var done = await (await admin.PostAsync("/api/imports/departments?dryRun=false", Csv(good))).JsonAsync();
        Assert.Equal(1, done.GetProperty("imported").GetInt32());
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/org-units");
        Assert.Contains(units.GetProperty("departments").EnumerateArray(), d => d.GetProperty("name").GetString() == name);
        Assert.Equal(["name", "parent"], (await admin.GetFromJsonAsync<string[]>("/api/imports/departments/columns"))!);
        await (await admin.PostAsync("/api/imports/spaceships", Csv(good))).AssertProblemAsync(HttpStatusCode.NotFound);
        // Fleet managers import places only: the same rule as the page.
        await (await (await app.ClientForAsync(TestData.Fleet)).PostAsync("/api/imports/departments?dryRun=true", Csv(good))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Users_PagesOfTwo_EachAccountOnceByNameWithTotal()
    {
        var admin = await app.ClientForAsync(TestData.Admin);
        var all = await ApiCalls.IdsAsync(admin, "/api/users");

        var pages = await ApiCalls.FollowPagesAsync(admin, "/api/users?pageSize=2");

        Assert.Equal(all, pages.SelectMany(p => p.Ids));
        Assert.All(pages, p => Assert.Equal(all.Count, p.Total));
        var names = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Select(u => u.GetProperty("displayName").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names, StringComparer.Ordinal);
        await (await admin.GetAsync("/api/users?pageSize=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task Audit_AdminFilteredPaged_NewestFirstAndPageSizeBounded()
    {
        var admin = await app.ClientForAsync(TestData.Admin);
        await admin.PostAsync("/api/users/me/calendar/regenerate", null);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/audit?entity=AppUser&pageSize=2");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.InRange(items.Count, 1, 2);
        Assert.All(items, i => Assert.Equal("AppUser", i.GetProperty("entity").GetString()));
        var times = items.Select(i => DateTimeOffset.Parse(i.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(200, (await admin.GetFromJsonAsync<JsonElement>("/api/audit?pageSize=100000")).GetProperty("size").GetInt32());
        var far = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?page={int.MaxValue}&pageSize=200"); // rows skipped would overflow an int
        Assert.Empty(far.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ApiReference_Anonymous_ServedFromTheAppWithItsOwnPolicy()
    {
        var client = app.CreateClient();

        var page = await client.GetAsync("/api-reference/");
        var script = await client.GetAsync("/api-reference/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode); // no CDN: the script comes from the app
        Assert.Contains("script-src 'self' 'unsafe-inline'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline'; style", (await client.GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy").Single().Split("script-src")[1].Split(';')[0] + "; style", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Places_UpdatedToConfidential_AddressLeavesTheBookingsThatWentThere()
    {
        var fleet = await app.ClientForAsync(TestData.Fleet);
        var staff = await app.ClientForAsync(TestData.Staff);
        var name = $"Skyddat boende {Guid.NewGuid():N}"[..24];
        var created = await (await fleet.PostAsJsonAsync("/api/places", new { name, address = "Hemliga vägen 1", latitude = 59.25, longitude = 18.0 })).JsonAsync();
        var place = created.GetProperty("id").GetInt32();
        var booking = await (await staff.BookAsync(new
        {
            vehicleId = app.Ids.EBike, start = "2026-03-24T09:00:00+01:00", end = "2026-03-24T10:00:00+01:00", purpose = "Hembesök", costCenter = TestData.CostCenter, placeId = place,
        })).JsonAsync();
        var bookingId = booking.GetProperty("id").GetInt32();
        Assert.Equal(name, booking.GetProperty("destination").GetString());

        var updated = await fleet.PutAsJsonAsync($"/api/places/{place}", new { name, address = "Hemliga vägen 1", latitude = 59.25, longitude = 18.0, confidential = true, ownerUnitId = app.Ids.OtherDepartment });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await staff.GetFromJsonAsync<JsonElement>($"/api/bookings/{bookingId}")).GetProperty("destination").ValueKind);
        var seen = (await staff.GetFromJsonAsync<JsonElement>($"/api/places?search={Uri.EscapeDataString(name)}")).EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("address").ValueKind); // staff outside the owning unit cannot locate it
        await (await fleet.PutAsJsonAsync($"/api/places/{place}", new { name = "", latitude = 59.25, longitude = 18.0 })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await fleet.PutAsJsonAsync("/api/places/999999", new { name = "X", latitude = 59.25, longitude = 18.0 })).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
