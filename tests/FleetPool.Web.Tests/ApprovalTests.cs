using System.Net;
using System.Net.Http.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Bookings.Approvals;
using FleetPool.Core.Fleet;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>
/// Approval for exceptions through the API. Rules are organisation-wide, so each test sets its own and removes it after
/// (the tests of a class run one at a time on their own database); bookings go on a site of the test's own.
/// </summary>
public abstract class ApprovalTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Book_VanUnderFleetManagerRule_PendingUntilApprovedThenReservedAndBookerTold()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).ExecuteUpdateAsync(u => u.SetProperty(v => v.Kind, VehicleKind.Van)));
        await WithRuleAsync(new { kind = "vehicleKind", vehicleKind = "van", approver = "fleetManager" }, async () =>
        {
            var booked = await (await App.ClientForAsync(TestData.Staff)).BookAsync(ApiCalls.Booking(cars[0], "2026-03-18T09:00:00+01:00", "2026-03-18T11:00:00+01:00"));
            var booking = await booked.JsonAsync();
            Assert.Equal("pending", booking.GetProperty("status").GetString());
            var id = booking.GetProperty("id").GetInt32();
            // The slot is held: nobody else gets the van meanwhile.
            var other = await (await App.ClientForAsync(TestData.Lead)).BookAsync(ApiCalls.Booking(cars[0], "2026-03-18T10:00:00+01:00", "2026-03-18T12:00:00+01:00"));
            await other.AssertProblemAsync(HttpStatusCode.Conflict);
            // In the booker's calendar it is tentative until decided.
            var token = await App.InScopeAsync<FleetPool.Core.Organisation.Profiles, string>(p => p.RegenerateCalendarTokenAsync(
                FleetPool.Core.Common.Actor.Of(App.Ids.Staff, FleetPool.Core.Common.Roles.Staff)));
            var ics = await App.CreateClient().GetStringAsync($"/api/calendar/{token}.ics");
            var evt = ics.Split("BEGIN:VEVENT").Single(e => e.Contains($"UID:booking-{id}@fleetpool", StringComparison.Ordinal));
            Assert.Contains("STATUS:TENTATIVE", evt, StringComparison.Ordinal);
            var leadQueue = await (await (await App.ClientForAsync(TestData.Lead)).GetAsync("/api/approvals")).JsonAsync();
            Assert.DoesNotContain(leadQueue.EnumerateArray(), a => a.GetProperty("bookingId").GetInt32() == id); // a fleet manager's call
            var fleet = await App.ClientForAsync(TestData.Fleet);
            var queue = await (await fleet.GetAsync("/api/approvals")).JsonAsync();
            var item = queue.EnumerateArray().Single(a => a.GetProperty("bookingId").GetInt32() == id);
            Assert.Equal(TestData.Staff, item.GetProperty("booker").GetString());
            Assert.Contains("van", item.GetProperty("rules")[0].GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == App.Ids.FleetManager && n.Kind == "approvalAsked" && n.BookingId == id)));

            var approved = await fleet.PostAsync($"/api/approvals/{id}/approve", null);

            Assert.Equal("reserved", (await approved.JsonAsync()).GetProperty("status").GetString());
            Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == App.Ids.Staff && n.Kind == "approvalApproved" && n.BookingId == id)));
            await (await fleet.PostAsync($"/api/approvals/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound); // decided once
            var csv = await fleet.GetStringAsync("/api/exports/bookings.csv?from=2026-03-18&to=2026-03-18");
            var lines = ApiCalls.CsvRows(csv);
            var row = lines.Single(cells => cells[0] == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("godkänd", row[Array.IndexOf(lines[0], "godkännande")]); // the export says it was an approved exception
        });
    }

    [Fact]
    public async Task Decline_ByTheDepartmentLead_NeedsAReasonFreesTheSlotAndTellsWhy()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        await WithRuleAsync(new { kind = "longerThan", hours = 4, approver = "departmentLead" }, async () =>
        {
            var id = (await (await (await App.ClientForAsync(TestData.Staff)).BookAsync(ApiCalls.Booking(cars[0], "2026-03-19T08:00:00+01:00", "2026-03-19T14:00:00+01:00")))
                .JsonAsync()).GetProperty("id").GetInt32();
            var lead = await App.ClientForAsync(TestData.Lead);
            Assert.Contains((await (await lead.GetAsync("/api/approvals")).JsonAsync()).EnumerateArray(), a => a.GetProperty("bookingId").GetInt32() == id);

            var bare = await lead.PostAsJsonAsync($"/api/approvals/{id}/decline", new { });
            var declined = await lead.PostAsJsonAsync($"/api/approvals/{id}/decline", new { reason = "Ta bussen, det är en heldag i stan." });

            await bare.AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
            Assert.Equal("cancelled", (await declined.JsonAsync()).GetProperty("status").GetString());
            var notice = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.UserId == App.Ids.Staff && n.Kind == "approvalDeclined" && n.BookingId == id));
            Assert.EndsWith("Ta bussen, det är en heldag i stan.", notice.Arguments, StringComparison.Ordinal);
            var again = await (await App.ClientForAsync(TestData.Fleet)).BookAsync(ApiCalls.Booking(cars[0], "2026-03-19T09:00:00+01:00", "2026-03-19T11:00:00+01:00"));
            Assert.Equal(HttpStatusCode.Created, again.StatusCode); // the slot is free again
        });
    }

    [Fact]
    public async Task Change_LengthenedPastTheRule_PendingAgainNotABypass()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        await WithRuleAsync(new { kind = "longerThan", hours = 4, approver = "fleetManager" }, async () =>
        {
            var staff = await App.ClientForAsync(TestData.Staff);
            var booking = await (await staff.BookAsync(ApiCalls.Booking(cars[0], "2026-03-20T08:00:00+01:00", "2026-03-20T10:00:00+01:00"))).JsonAsync();
            Assert.Equal("reserved", booking.GetProperty("status").GetString());

            var id = booking.GetProperty("id").GetInt32();

            var changed = await staff.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-03-20T16:00:00+01:00" });

            Assert.Equal("pending", (await changed.JsonAsync()).GetProperty("status").GetString());
            // Approved, then lengthened again: asked again, the approvers' earlier notice replaced by the news (not a second row, not a 500).
            (await (await App.ClientForAsync(TestData.Fleet)).PostAsync($"/api/approvals/{id}/approve", null)).EnsureSuccessStatusCode();
            var again = await staff.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-03-20T17:00:00+01:00" });
            Assert.Equal("pending", (await again.JsonAsync()).GetProperty("status").GetString());
            var asked = await App.QueryAsync(db => db.Notifications.Where(n => n.BookingId == id && n.Kind == "approvalAsked" && n.UserId == App.Ids.FleetManager).ToListAsync());
            Assert.Null(Assert.Single(asked).ReadAt);
        });
    }

    [Fact]
    public async Task Lapse_UndecidedAtTheDeadline_ReleasedAndBookerTold()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        await WithRuleAsync(new { kind = "outsideHours", fromHour = 8, toHour = 17, approver = "fleetManager" }, async () =>
        {
            // 07:00 is before working hours; the deadline is 24 hours after asking (Tuesday 08:00), before the trip.
            var id = (await (await (await App.ClientForAsync(TestData.Staff)).BookAsync(ApiCalls.Booking(cars[0], "2026-03-25T07:00:00+01:00", "2026-03-25T09:00:00+01:00")))
                .JsonAsync()).GetProperty("id").GetInt32();
            try
            {
                App.Clock.Reset(FleetPoolFactory.Monday8 + Duration.FromHours(24));

                var lapsed = await App.InScopeAsync<ApprovalService, int>(a => a.LapseAsync());

                Assert.True(lapsed >= 1);
                Assert.Equal(BookingStatus.Cancelled, await App.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
                Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == App.Ids.Staff && n.Kind == "approvalLapsed" && n.BookingId == id)));
            }
            finally
            {
                App.Clock.Reset(FleetPoolFactory.Monday8);
            }
        });
    }

    [Fact]
    public async Task AddRule_MissingItsParameter_400NamingIt()
    {
        var fleet = await App.ClientForAsync(TestData.Fleet);

        var hours = await fleet.PostAsJsonAsync("/api/approval-rules", new { kind = "longerThan", approver = "fleetManager" });
        var window = await fleet.PostAsJsonAsync("/api/approval-rules", new { kind = "outsideHours", fromHour = 18, toHour = 7, approver = "fleetManager" });
        var byLead = await (await App.ClientForAsync(TestData.Lead)).PostAsJsonAsync("/api/approval-rules", new { kind = "fossilWhileFossilFreeFree", approver = "fleetManager" });

        await hours.AssertProblemAsync(HttpStatusCode.BadRequest, "hours");
        await window.AssertProblemAsync(HttpStatusCode.BadRequest, "toHour");
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
    }

    [Fact]
    public async Task Queue_PlainStaff_Forbidden()
    {
        var response = await (await App.ClientForAsync(TestData.Staff)).GetAsync("/api/approvals");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Claim_VanUnderAFleetManagerRule_PendingLikeBookingItDirectly()
    {
        var (site, cars) = await App.NewSiteAsync(1);
        await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).ExecuteUpdateAsync(u => u.SetProperty(v => v.Kind, VehicleKind.Van)));
        await WithRuleAsync(new { kind = "vehicleKind", vehicleKind = "van", approver = "fleetManager" }, async () =>
        {
            var (from, to) = ("2026-03-18T09:00:00+01:00", "2026-03-18T11:00:00+01:00");
            var admin = await App.ClientForAsync(TestData.Admin);
            var holding = (await (await admin.BookAsync(ApiCalls.Booking(cars[0], from, to))).JsonAsync()).GetProperty("id").GetInt32();
            var staff = await App.ClientForAsync(TestData.Staff);
            var entry = await (await staff.PostAsJsonAsync("/api/waitlist",
                new { siteId = site, kind = "van", start = from, end = to, purpose = "Flytt av möbler", costCenter = TestData.CostCenter, distanceKm = 25 })).JsonAsync();
            (await admin.PostAsync($"/api/bookings/{holding}/cancel", null)).EnsureSuccessStatusCode();

            var claimed = await staff.PostAsync($"/api/waitlist/{entry.GetProperty("id").GetInt32()}/claim", null);

            var booking = await claimed.JsonAsync();
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
            Assert.Equal("pending", booking.GetProperty("status").GetString());
            var id = booking.GetProperty("id").GetInt32();
            var queue = await (await (await App.ClientForAsync(TestData.Fleet)).GetAsync("/api/approvals")).JsonAsync();
            Assert.Contains(queue.EnumerateArray(), a => a.GetProperty("bookingId").GetInt32() == id);
        });
    }

    [Fact]
    public async Task Extend_RunningTripPastTheRule_AsksAndADeclinePutsTheEndBack()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        await WithRuleAsync(new { kind = "longerThan", hours = 3, approver = "fleetManager" }, async () =>
        {
            var staff = await App.ClientForAsync(TestData.Staff);
            var id = (await (await staff.BookAsync(ApiCalls.Booking(cars[0], "2026-03-23T13:00:00+01:00", "2026-03-23T14:00:00+01:00"))).JsonAsync())
                .GetProperty("id").GetInt32();
            try
            {
                App.Clock.Reset(Instant.FromUtc(2026, 3, 23, 11, 45));
                (await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = 1000, batteryPercent = 90 })).EnsureSuccessStatusCode();

                var extended = await staff.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-03-23T17:00:00+01:00" });

                var running = await extended.JsonAsync();
                Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
                Assert.Equal("checkedOut", running.GetProperty("status").GetString()); // the car is out: it stays out while the request waits
                var request = await App.QueryAsync(db => db.ApprovalRequests.SingleAsync(a => a.BookingId == id));
                Assert.Equal(Instant.FromUtc(2026, 3, 23, 13, 0), request.ExtendsFrom);
                var fleet = await App.ClientForAsync(TestData.Fleet);
                Assert.Contains((await (await fleet.GetAsync("/api/approvals")).JsonAsync()).EnumerateArray(), a => a.GetProperty("bookingId").GetInt32() == id);

                var declined = await fleet.PostAsJsonAsync($"/api/approvals/{id}/decline", new { reason = "Bilen behövs 14:30." });

                var back = await declined.JsonAsync();
                Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
                Assert.Equal("checkedOut", back.GetProperty("status").GetString());
                Assert.Equal("2026-03-23T14:00:00+01:00", back.GetProperty("end").GetString());
                Assert.Equal("2026-03-23T14:15:00+01:00", back.GetProperty("blockedUntil").GetString());
                Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == App.Ids.Staff && n.Kind == "extensionDeclined" && n.BookingId == id)));
            }
            finally
            {
                App.Clock.Reset(FleetPoolFactory.Monday8);
            }
        });
    }

    [Fact]
    public async Task Decide_OwnBooking_NeitherListedNorDecidableAndTheOnlyLeadsGoesToTheFleet()
    {
        var (_, cars) = await App.NewSiteAsync(2);
        await WithRuleAsync(new { kind = "longerThan", hours = 4, approver = "departmentLead" }, async () =>
        {
            var lead = await App.ClientForAsync(TestData.Lead);
            var leads = (await (await lead.BookAsync(ApiCalls.Booking(cars[0], "2026-03-24T08:00:00+01:00", "2026-03-24T16:00:00+01:00"))).JsonAsync()).GetProperty("id").GetInt32();
            var fleet = await App.ClientForAsync(TestData.Fleet);
            var fleets = (await (await fleet.BookAsync(ApiCalls.Booking(cars[1], "2026-03-24T08:00:00+01:00", "2026-03-24T16:00:00+01:00"))).JsonAsync()).GetProperty("id").GetInt32();

            var leadQueue = await (await lead.GetAsync("/api/approvals")).JsonAsync();
            var leadSelf = await lead.PostAsync($"/api/approvals/{leads}/approve", null);
            var fleetQueue = await (await fleet.GetAsync("/api/approvals")).JsonAsync();
            var fleetSelf = await fleet.PostAsync($"/api/approvals/{fleets}/approve", null);

            Assert.DoesNotContain(leadQueue.EnumerateArray(), a => a.GetProperty("bookingId").GetInt32() == leads);
            await leadSelf.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Contains(fleetQueue.EnumerateArray(), a => a.GetProperty("bookingId").GetInt32() == leads && a.GetProperty("approver").GetString() == "fleetManager");
            Assert.DoesNotContain(fleetQueue.EnumerateArray(), a => a.GetProperty("bookingId").GetInt32() == fleets);
            await fleetSelf.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "bookingId");
            var byAdmin = await (await App.ClientForAsync(TestData.Admin)).PostAsync($"/api/approvals/{fleets}/approve", null);
            Assert.Equal("reserved", (await byAdmin.JsonAsync()).GetProperty("status").GetString());
            var decision = await App.QueryAsync(db => db.ApprovalRequests.SingleAsync(a => a.BookingId == fleets));
            Assert.Equal(App.Ids.Admin, decision.DecidedById);
        });
    }

    private async Task WithRuleAsync(object rule, Func<Task> test)
    {
        var fleet = await App.ClientForAsync(TestData.Fleet);
        var added = await fleet.PostAsJsonAsync("/api/approval-rules", rule);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.JsonAsync()).GetProperty("id").GetInt32();
        try
        {
            await test();
        }
        finally
        {
            (await fleet.DeleteAsync($"/api/approval-rules/{id}")).EnsureSuccessStatusCode();
        }
    }
}

public sealed class ApprovalTestsOnSqlite(SqliteApp app) : ApprovalTests<SqliteApp>(app);

public sealed class ApprovalTestsOnPostgres(PostgresApp app) : ApprovalTests<PostgresApp>(app);
