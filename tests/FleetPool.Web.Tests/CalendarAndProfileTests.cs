using System.Net;
using FleetPool.Core.Common;
using FleetPool.Core.Organisation;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

public abstract class CalendarAndProfileTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private Profiles Profiles => App.Services.GetRequiredService<Profiles>();

    [Fact]
    public async Task CalendarFeed_BookingChangedThenCancelled_SameUidUpdatedThenCancelled()
    {
        var actor = Actor.Of(App.Ids.Lead, Roles.Staff, Roles.DepartmentLead);
        var token = await Profiles.RegenerateCalendarTokenAsync(actor);
        var client = await App.ClientForAsync(TestData.Lead);
        var created = await client.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-04-21T09:00:00+02:00", "2026-04-21T10:00:00+02:00", purpose: "Tillsyn"));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var anonymous = App.CreateClient();

        var feed = await anonymous.GetAsync($"/api/calendar/{token}.ics");
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains($"UID:booking-{id}@fleetpool", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260421T070000Z", ics, StringComparison.Ordinal);
        Assert.Contains("Tillsyn", ics, StringComparison.Ordinal);

        await client.PutAsync($"/api/bookings/{id}", System.Net.Http.Json.JsonContent.Create(new { start = "2026-04-21T11:00:00+02:00", end = "2026-04-21T12:00:00+02:00" }));
        await client.PostAsync($"/api/bookings/{id}/cancel", null);
        ics = await anonymous.GetStringAsync($"/api/calendar/{token}.ics");
        Assert.Equal(2, ics.Split($"UID:booking-{id}@fleetpool").Length);
        Assert.Contains("DTSTART:20260421T090000Z", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeed_SiteWithInstructionsAndCode_EventCarriesAddressAndInstructionsNeverTheCode()
    {
        var rules = App.Services.GetRequiredService<SiteRules>();
        var site = (await rules.ListAsync()).Single(s => s.Id == App.Ids.OpenSite);
        var fleet = Actor.Of(App.Ids.FleetManager, Roles.FleetManager);
        Assert.True((await rules.SaveAsync(fleet, site with { PickUpInstructions = "Skåpet vid entrén", KeyCode = "9731" })).Succeeded);
        try
        {
            var token = await Profiles.RegenerateCalendarTokenAsync(Actor.Of(App.Ids.Staff, Roles.Staff));
            var client = await App.ClientForAsync(TestData.Staff);
            Assert.Equal(System.Net.HttpStatusCode.Created,
                (await client.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-04-22T09:00:00+02:00", "2026-04-22T10:00:00+02:00"))).StatusCode);

            var ics = (await App.CreateClient().GetStringAsync($"/api/calendar/{token}.ics")).Replace("\r\n ", "", StringComparison.Ordinal);

            var address = (await App.QueryAsync(db => db.Sites.SingleAsync(s => s.Id == App.Ids.OpenSite))).Address;
            Assert.Contains($"LOCATION:{site.Name}\\, {address.Replace(",", "\\,", StringComparison.Ordinal)}", ics, StringComparison.Ordinal);
            Assert.Contains("DESCRIPTION:Skåpet vid entrén", ics, StringComparison.Ordinal);
            Assert.DoesNotContain("9731", ics, StringComparison.Ordinal);
        }
        finally
        {
            Assert.True((await rules.SaveAsync(fleet, site)).Succeeded);
        }
    }

    [Fact]
    public async Task CalendarFeed_RegeneratedOrUnknownToken_404()
    {
        var actor = Actor.Of(App.Ids.Staff, Roles.Staff);
        var old = await Profiles.RegenerateCalendarTokenAsync(actor);
        var fresh = await Profiles.RegenerateCalendarTokenAsync(actor);
        Assert.NotEqual(old, fresh);
        var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/calendar/{old}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/calendar/{new string('0', 48)}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/calendar/short.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/calendar/{fresh}.ics")).StatusCode);
    }

    [Fact]
    public async Task UpdateProfile_ChangedLicence_NeedsVerifyingAgain()
    {
        var actor = Actor.Of(App.Ids.Admin, Roles.Staff, Roles.Admin);
        Assert.True((await Profiles.GetAsync(actor)).LicenceVerified);
        var same = await Profiles.UpdateAsync(actor, "B", new LocalDate(2030, 1, 1), App.Ids.WeekdaySite);
        Assert.True(same.Value!.LicenceVerified);
        Assert.Equal(App.Ids.WeekdaySite, same.Value.DefaultSiteId);
        var changed = await Profiles.UpdateAsync(actor, "B BE", new LocalDate(2031, 6, 30), App.Ids.WeekdaySite);
        Assert.False(changed.Value!.LicenceVerified);
        var invalid = await Profiles.UpdateAsync(actor, "B", null, 987_654);
        Assert.Equal(["licenceExpiresOn", "defaultSiteId"], invalid.Problem!.Errors.Keys.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task CultureSwitch_SignedIn_StoresTheLanguageForEmail()
    {
        var browser = await BrowserLikeClient.SignedInAsync(App, TestData.Unlicensed);

        await browser.GetAsync("/culture?name=en-GB&returnUrl=/");
        var english = (await Profiles.GetAsync(Actor.Of(App.Ids.Unlicensed, Roles.Staff))).Language;
        await browser.GetAsync("/culture?name=sv-SE&returnUrl=/");
        var swedish = (await Profiles.GetAsync(Actor.Of(App.Ids.Unlicensed, Roles.Staff))).Language;

        Assert.Equal(("en", "sv"), (english, swedish));
    }
}

public sealed class CalendarAndProfileTestsOnSqlite(SqliteApp app) : CalendarAndProfileTests<SqliteApp>(app);

public sealed class CalendarAndProfileTestsOnPostgres(PostgresApp app) : CalendarAndProfileTests<PostgresApp>(app);
