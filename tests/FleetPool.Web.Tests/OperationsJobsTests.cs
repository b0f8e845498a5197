using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Core.Notifications;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>The housekeeping jobs, called as Hangfire calls them; each run twice to show it is idempotent.</summary>
public abstract class OperationsJobsTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    private async Task<int> BookAsync(int vehicle, string start, string end)
    {
        var response = await (await App.ClientForAsync(TestData.Staff)).BookAsync(ApiCalls.Booking(vehicle, start, end));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    // What the sweeps wrote about a booking (the booker's confirmation was written when it was made).
    private Task<List<Notification>> NotesAsync(int booking) =>
        App.QueryAsync(db => db.Notifications.Where(n => n.BookingId == booking && n.Kind != "bookingConfirmed").ToListAsync());

    [Fact]
    public async Task Remind_ReservationWithinTheHour_OneNoticeInTheBookersInbox()
    {
        var id = await BookAsync(App.Ids.EBike, "2026-03-16T08:40:00+01:00", "2026-03-16T09:40:00+01:00"); // clock: 08:00 local

        Assert.Equal(1, await Get<BookingNotices>().RemindAsync());
        Assert.Equal(0, await Get<BookingNotices>().RemindAsync());
        Assert.Equal(0, await Get<EmailOutbox>().RunAsync()); // no SMTP configured: the inbox only

        var inbox = await (await App.ClientForAsync(TestData.Staff)).GetFromJsonAsync<JsonElement>("/api/notifications");
        Assert.True(inbox.GetProperty("unread").GetInt32() >= 1);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("bookingId").GetInt32() == id
            && n.GetProperty("text").GetString() == "Reminder: Elcykel 1 is booked for you from 2026-03-16 08:40.");
    }

    [Fact]
    public async Task FlagOverdue_NotReturnedAfterGrace_BookerAndEveryFleetManagerOnce()
    {
        var id = await BookAsync(App.Ids.Bike, "2026-03-16T09:00:00+01:00", "2026-03-16T10:00:00+01:00");
        var staff = await App.ClientForAsync(TestData.Staff);
        App.Clock.Reset(Instant.FromUtc(2026, 3, 16, 8, 0));
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { })).StatusCode);
            App.Clock.Reset(Instant.FromUtc(2026, 3, 16, 9, 20)); // 10:20 local: 20 minutes late

            var written = await Get<BookingNotices>().FlagOverdueAsync();
            Assert.Equal(0, await Get<BookingNotices>().FlagOverdueAsync());

            var notes = await NotesAsync(id);
            Assert.Equal(written, notes.Count);
            Assert.Single(notes, n => n.Kind == "overdue" && n.UserId == App.Ids.Staff);
            Assert.Contains(notes, n => n.Kind == "overdueFleet" && n.UserId == App.Ids.FleetManager);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task NoShowSweep_ReleasedReservation_BookerTold()
    {
        var id = await BookAsync(App.Ids.ElectricCar, "2026-03-16T11:00:00+01:00", "2026-03-16T12:00:00+01:00");
        App.Clock.Reset(Instant.FromUtc(2026, 3, 16, 10, 45));
        try
        {
            Assert.True(await Get<NoShowSweep>().RunAsync() >= 1);
            Assert.Equal(0, await Get<NoShowSweep>().RunAsync());
            Assert.Equal("noShow", Assert.Single(await NotesAsync(id)).Kind);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task RetentionPurge_OldTrip_DestinationAndFreeTextGoneFiguresKeptRecentTripUntouched()
    {
        await using (var db = await Get<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync())
        {
            var old = Instant.FromUtc(2025, 11, 3, 8, 0); // well over 90 days before the clock
            var recent = FleetPoolFactory.Monday8 - Duration.FromDays(30); // within the retention period: must keep everything
            var costCenter = await db.CostCenters.Select(c => c.Id).FirstAsync();
            foreach (var (at, km) in new[] { (old, 15.0), (recent, 16.0) })
            {
                db.Bookings.Add(new Booking
                {
                    VehicleId = App.Ids.PetrolCar, BookerId = App.Ids.Staff, Start = at, End = at + Duration.FromHours(2), BlockedUntil = at + Duration.FromHours(2),
                    Status = BookingStatus.Returned, Purpose = "Hembesök hos Anna Andersson", Destination = "Storgatan 5", CostCenterId = costCenter,
                    DistanceKm = 7, ActualKm = km, ActualCo2eGrams = 2505, CarReason = "Min rygg", FossilReason = "Dragkrok behövdes", CreatedAt = at,
                });
            }
            await db.SaveChangesAsync();
        }

        Assert.True(await Get<RetentionPurge>().RunAsync() >= 1);
        Assert.Equal(0, await Get<RetentionPurge>().RunAsync());

        var purged = await App.QueryAsync(db => db.Bookings.SingleAsync(b => b.DistanceKm == 7 && b.ActualKm == 15));
        Assert.Equal(((string?)null, "–", "other", "–"), (purged.Destination, purged.Purpose, purged.CarReason, purged.FossilReason));
        Assert.Equal((7.0, 15.0, 2505.0), (purged.DistanceKm!.Value, purged.ActualKm!.Value, purged.ActualCo2eGrams!.Value));
        Assert.Equal(App.Clock.GetCurrentInstant(), purged.PersonalDataRemovedAt); // when the purge ran, the end of its purpose
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "Booking" && a.EntityId == purged.Id.ToString()).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, a =>
        {
            Assert.Equal(App.Clock.GetCurrentInstant(), a.RedactedAt);
            Assert.DoesNotContain("Anna", (a.Before ?? "") + a.After, StringComparison.Ordinal);
            Assert.DoesNotContain("Storgatan", (a.Before ?? "") + a.After, StringComparison.Ordinal);
            Assert.DoesNotContain("rygg", (a.Before ?? "") + a.After, StringComparison.Ordinal);
        });
        Assert.Contains("\"Distance", audit[0].After!, StringComparison.Ordinal); // the figures stay
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "AuditEntry" && a.Action == "Redacted")));

        var kept = await App.QueryAsync(db => db.Bookings.SingleAsync(b => b.DistanceKm == 7 && b.ActualKm == 16));
        Assert.Equal(("Storgatan 5", "Hembesök hos Anna Andersson", "Min rygg", "Dragkrok behövdes"), (kept.Destination, kept.Purpose, kept.CarReason, kept.FossilReason));
        Assert.Null(kept.PersonalDataRemovedAt);
        var keptAudit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "Booking" && a.EntityId == kept.Id.ToString()).ToListAsync());
        Assert.All(keptAudit, a => Assert.Null(a.RedactedAt));
    }

    [Fact]
    public async Task AuditTrail_UpdateOrDeleteOutsideRedaction_RefusedByDatabase()
    {
        var id = await App.QueryAsync(db => db.AuditEntries.Select(a => a.Id).FirstAsync());
        await using var db = await Get<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();

        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.AuditEntries.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.After, "{}")));
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.AuditEntries.Where(a => a.Id == id).ExecuteDeleteAsync());
        Assert.All(new[] { update, delete }, e => Assert.Contains("append-only", e.Message, StringComparison.Ordinal)); // the triggers, not another error
    }

    [Fact]
    public async Task RetentionPurge_DamageResolvedLongAgo_DeletedAndAuditBlankedOpenOneKept()
    {
        int oldId, openId;
        await using (var db = await Get<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync())
        {
            var old = Instant.FromUtc(2023, 5, 2, 8, 0); // resolved well over two years before the clock
            var gone = new DamageReport { VehicleId = App.Ids.Bike, ReportedById = App.Ids.Staff, ReportedAt = old, ResolvedAt = old + Duration.FromDays(2),
                Description = "Bromsen släppte, Berit skadade handleden", InjuryAccident = true };
            var open = new DamageReport { VehicleId = App.Ids.Bike, ReportedById = App.Ids.Staff, ReportedAt = old, Description = "Sadeln lös" };
            db.DamageReports.AddRange(gone, open);
            await db.SaveChangesAsync();
            (oldId, openId) = (gone.Id, open.Id);
            db.DamagePhotos.Add(new FleetPool.Core.Fleet.DamagePhoto { DamageReportId = oldId, Jpeg = [0xFF, 0xD8], Width = 1, Height = 1, AddedById = App.Ids.Staff, AddedAt = old });
            await db.SaveChangesAsync();
        }

        await Get<RetentionPurge>().RunAsync();

        var left = await App.QueryAsync(db => db.DamageReports.Where(d => d.Id == oldId || d.Id == openId).Select(d => d.Id).ToListAsync());
        Assert.Equal([openId], left);
        Assert.False(await App.QueryAsync(db => db.DamagePhotos.AnyAsync(p => p.DamageReportId == oldId))); // the photos go with it
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "DamageReport" && a.EntityId == oldId.ToString()).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain("Berit", (a.Before ?? "") + a.After, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetentionPurge_OldNoticeAndAnOldTrailOfAConfidentialPlace_NoticeDeletedTrailBlankedRecentNoticeKept()
    {
        var old = FleetPoolFactory.Monday8 - Duration.FromDays(120);
        int oldNotice, recentNotice;
        long placeRow;
        await using (var db = await Get<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync())
        {
            var declined = new FleetPool.Core.Notifications.Notification { UserId = App.Ids.Staff, Kind = "approvalDeclined", At = old, Arguments = "Kia\u001f2025-11-16 09:00\u001fTa bussen, du har ju sjukintyg" };
            var recent = new FleetPool.Core.Notifications.Notification { UserId = App.Ids.Staff, Kind = "bookingConfirmed", At = FleetPoolFactory.Monday8 - Duration.FromDays(3), Arguments = "Kia\u001f2026-03-13 09:00\u001f2026-03-13 10:00" };
            db.Notifications.AddRange(declined, recent);
            // A trail row written before the audit left confidential places' positions out.
            var row = new FleetPool.Core.Audit.AuditEntry { At = old, Entity = "Place", EntityId = "999999", Action = "Deleted",
                Before = "{\"Name\":\"Brukare\",\"Address\":\"Hemligvägen 3\",\"Latitude\":59.2471,\"Longitude\":17.9812,\"Confidential\":true}" };
            db.AuditEntries.Add(row);
            await db.SaveChangesAsync();
            (oldNotice, recentNotice, placeRow) = (declined.Id, recent.Id, row.Id);
        }

        await Get<RetentionPurge>().RunAsync();

        var left = await App.QueryAsync(db => db.Notifications.Where(n => n.Id == oldNotice || n.Id == recentNotice).Select(n => n.Id).ToListAsync());
        Assert.Equal([recentNotice], left);
        var trail = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Id == placeRow));
        Assert.DoesNotContain("Hemligvägen", trail.Before, StringComparison.Ordinal);
        Assert.DoesNotContain("59.2471", trail.Before, StringComparison.Ordinal);
        Assert.Contains("Brukare", trail.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteBackup_KeepsNewestSevenReadableCopiesWithPlannerStatisticsOrSkipsOnPostgres()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"fleetpool-backup-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            for (var day = 1; day <= 9; day++)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, $"fleetpool-202601{day:00}.db"), "old");
            }

            var file = await Get<SqliteBackup>().RunAsync(folder);

            if (App.Provider != "Sqlite")
            {
                Assert.Null(file);
                return;
            }
            Assert.Equal(Path.Combine(folder, "fleetpool-20260316.db"), file);
            // The newest seven by date: today's copy and 4–9 January; 1–3 January are gone.
            Assert.Equal(["fleetpool-20260104.db", "fleetpool-20260105.db", "fleetpool-20260106.db", "fleetpool-20260107.db", "fleetpool-20260108.db",
                "fleetpool-20260109.db", "fleetpool-20260316.db"], Directory.GetFiles(folder, "fleetpool-*.db").Select(Path.GetFileName).Order(StringComparer.Ordinal));
            await using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync();
            await using var count = copy.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Vehicles";
            Assert.True((long)(await count.ExecuteScalarAsync())! >= 7);
            count.CommandText = "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'Vehicles'"; // the planner's statistics, which the app's queries rely on
            Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class OperationsJobsTestsOnSqlite(SqliteApp app) : OperationsJobsTests<SqliteApp>(app);

public sealed class OperationsJobsTestsOnPostgres(PostgresApp app) : OperationsJobsTests<PostgresApp>(app);

/// <summary>The app with SMTP pointed at a real (tiny) SMTP server on loopback, which offers AUTH when asked to.</summary>
public abstract class SmtpAppBase(bool offerAuth) : SqliteApp
{
    public TinySmtpServer Smtp { get; } = new(offerAuth);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:From", "FleetPool <fleetpool@kommun.test>");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>SMTP as an anonymous relay.</summary>
public sealed class SmtpApp() : SmtpAppBase(offerAuth: false);

public class EmailOutboxTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    [Fact]
    public async Task Run_ConfirmationAndReminder_EachSentOnceInSwedishToTheBooker()
    {
        var client = await app.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.Created, (await client.BookAsync(ApiCalls.Booking(app.Ids.EBike, "2026-03-16T08:30:00+01:00", "2026-03-16T09:30:00+01:00"))).StatusCode);
        Assert.Equal(1, await app.Services.GetRequiredService<BookingNotices>().RemindAsync());
        var outbox = app.Services.GetRequiredService<EmailOutbox>();

        Assert.Equal(2, await outbox.RunAsync());
        Assert.Equal(0, await outbox.RunAsync());

        var mails = app.Smtp.Received.Where(r => r.To.Contains(TestData.Staff)).ToList();
        Assert.All(mails, m => Assert.Equal([TestData.Staff], m.To));
        Assert.All(mails, m => Assert.Contains("fleetpool@kommun.test", m.Data, StringComparison.Ordinal));
        Assert.Equal(["Bokat: Elcykel 1 från 2026-03-16 08:30 till 2026-03-16 09:30.", "Påminnelse: Elcykel 1 är bokad för dig från 2026-03-16 08:30."],
            mails.Select(m => Body(m.Data)));
    }

    private static string? Body(string data) => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data))).TextBody?.Trim();

    [Fact]
    public async Task Run_ReaderTurnedBookingsOff_ConfirmationOnlyInTheInboxReminderStillMailed()
    {
        var client = await app.ClientForAsync(TestData.Admin);
        var chosen = await client.PutAsJsonAsync("/api/users/me/email", new { off = new[] { "bookings" } });
        Assert.Equal(["bookings"], (await chosen.JsonAsync()).GetProperty("off").EnumerateArray().Select(t => t.GetString()));
        var booked = await client.BookAsync(ApiCalls.Booking(app.Ids.Bike, "2026-03-16T10:30:00+01:00", "2026-03-16T11:30:00+01:00"));
        var id = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        app.Clock.Reset(Instant.FromUtc(2026, 3, 16, 9, 0));
        try
        {
            await app.Services.GetRequiredService<BookingNotices>().RemindAsync();
            await app.Services.GetRequiredService<EmailOutbox>().RunAsync();
        }
        finally
        {
            app.Clock.Reset(FleetPoolFactory.Monday8);
        }

        var mail = Assert.Single(app.Smtp.Received, r => r.To.Contains(TestData.Admin));
        Assert.StartsWith("Påminnelse: Cykel 1", Body(mail.Data), StringComparison.Ordinal);
        var inbox = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/notifications");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("bookingId").GetInt32() == id && n.GetProperty("kind").GetString() == "bookingConfirmed");
        var bad = await client.PutAsJsonAsync("/api/users/me/email", new { off = new[] { "everything" } });
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    // Reminders written straight into the inbox, each naming a vehicle no other test uses, so a test reads only its own mail;
    // what other tests left pending goes out first, so that a run's count is this test's.
    private async Task<List<int>> NoticesAsync(params (int UserId, string Vehicle, Duration Ago)[] notes)
    {
        await app.Services.GetRequiredService<EmailOutbox>().RunAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        var rows = notes.Select(n => new Notification { UserId = n.UserId, Kind = "reminder", Arguments = $"{n.Vehicle}{Inbox.Separator}2026-03-16 10:00",
            At = FleetPoolFactory.Monday8 - n.Ago }).ToList();
        db.Notifications.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private async Task<List<bool>> EmailedAsync(List<int> ids) => await app.QueryAsync(async db =>
    {
        var emailed = await db.Notifications.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.EmailedAt != null);
        return ids.Select(id => emailed[id]).ToList();
    });

    private List<string?> BodiesAbout(string vehicle) =>
        app.Smtp.Received.Select(r => Body(r.Data)).Where(b => b is not null && b.Contains(vehicle, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Run_ConnectionCutAfterTheFirstMail_FirstMarkedTheOthersSentOnceOnTheNextRun()
    {
        var ids = await NoticesAsync((app.Ids.Unlicensed, "Avbrott A", Duration.FromMinutes(30)), (app.Ids.Unlicensed, "Avbrott B", Duration.FromMinutes(20)),
            (app.Ids.Unlicensed, "Avbrott C", Duration.FromMinutes(10)));
        var outbox = app.Services.GetRequiredService<EmailOutbox>();
        app.Smtp.CutAfterMessages = 1;
        try
        {
            await Assert.ThrowsAsync<MailKit.Net.Smtp.SmtpProtocolException>(() => outbox.RunAsync()); // the job fails; Hangfire runs it again
            Assert.Equal([true, false, false], await EmailedAsync(ids));
        }
        finally
        {
            app.Smtp.CutAfterMessages = null;
        }

        Assert.Equal(2, await outbox.RunAsync());
        Assert.Equal(0, await outbox.RunAsync());
        Assert.Equal([true, true, true], await EmailedAsync(ids));
        Assert.Equal(["Påminnelse: Avbrott A är bokad för dig från 2026-03-16 10:00.", "Påminnelse: Avbrott B är bokad för dig från 2026-03-16 10:00.",
            "Påminnelse: Avbrott C är bokad för dig från 2026-03-16 10:00."], BodiesAbout("Avbrott"));
    }

    [Fact]
    public async Task Run_OneAddressRefused_OthersSentAndTheRefusedOneTriedAgainNextRun()
    {
        var ids = await NoticesAsync((app.Ids.FleetManager, "Vägrad A", Duration.FromMinutes(30)), (app.Ids.Unlicensed, "Vägrad B", Duration.FromMinutes(20)));
        var outbox = app.Services.GetRequiredService<EmailOutbox>();
        app.Smtp.RefusedRecipients[TestData.Fleet] = true;
        try
        {
            Assert.Equal(1, await outbox.RunAsync()); // the first in line is refused; the second still goes
            Assert.Equal(0, await outbox.RunAsync());
            Assert.Equal([false, true], await EmailedAsync(ids));
            Assert.Equal([TestData.Fleet, TestData.Fleet], app.Smtp.Refused.Where(a => a == TestData.Fleet));
        }
        finally
        {
            app.Smtp.RefusedRecipients.Clear();
        }

        Assert.Equal(1, await outbox.RunAsync()); // the mailbox is back: sent now, within the day
        Assert.Equal([true, true], await EmailedAsync(ids));
        Assert.Equal(["Påminnelse: Vägrad B är bokad för dig från 2026-03-16 10:00.", "Påminnelse: Vägrad A är bokad för dig från 2026-03-16 10:00."],
            BodiesAbout("Vägrad"));
    }

    [Fact]
    public async Task Run_DeactivatedUserOrNoticeOlderThanADay_NotMailedAndLeftInTheInbox()
    {
        Assert.True((await app.Services.GetRequiredService<FleetPool.Core.Organisation.UserAccounts>().DeactivateAsync(
            FleetPool.Core.Common.Actor.Of(app.Ids.Admin, FleetPool.Core.Common.Roles.Admin), app.Ids.Leaver)).Succeeded);
        var minute = Duration.FromMinutes(1);
        var ids = await NoticesAsync((app.Ids.Leaver, "Gammal A", Duration.FromMinutes(10)), (app.Ids.Unlicensed, "Gammal B", EmailOutbox.MaxAge + minute),
            (app.Ids.Unlicensed, "Gammal C", EmailOutbox.MaxAge - minute));

        Assert.Equal(1, await app.Services.GetRequiredService<EmailOutbox>().RunAsync());

        Assert.Equal([false, false, true], await EmailedAsync(ids));
        Assert.Equal(["Påminnelse: Gammal C är bokad för dig från 2026-03-16 10:00."], BodiesAbout("Gammal"));
    }

    [Fact]
    public async Task Run_ReaderChoseEnglish_EmailInEnglish()
    {
        await app.Services.GetRequiredService<FleetPool.Core.Organisation.Profiles>().SetLanguageAsync(
            FleetPool.Core.Common.Actor.Of(app.Ids.Lead, FleetPool.Core.Common.Roles.Staff), FleetPool.Core.Organisation.Languages.English);
        var client = await app.ClientForAsync(TestData.Lead);
        Assert.Equal(HttpStatusCode.Created, (await client.BookAsync(ApiCalls.Booking(app.Ids.Bike, "2026-03-16T08:30:00+01:00", "2026-03-16T09:30:00+01:00"))).StatusCode);
        await app.Services.GetRequiredService<BookingNotices>().RemindAsync();

        await app.Services.GetRequiredService<EmailOutbox>().RunAsync();

        var bodies = app.Smtp.Received.Where(r => r.To.Contains(TestData.Lead)).Select(r => Body(r.Data)).ToList();
        Assert.Equal(["Booked: Cykel 1 from 2026-03-16 08:30 to 2026-03-16 09:30.", "Reminder: Cykel 1 is booked for you from 2026-03-16 08:30."], bodies);
    }
}

/// <summary>The app sending through an SMTP server that wants OAuth 2.0, with tokens from a real token endpoint on loopback.</summary>
public sealed class SmtpOAuthApp() : SmtpAppBase(offerAuth: true)
{
    public TinyTokenServer Tokens { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Auth", "OAuth2");
        builder.UseSetting("Smtp:User", "fleetpool@kommun.test");
        builder.UseSetting("Smtp:TokenEndpoint", Tokens.Endpoint);
        builder.UseSetting("Smtp:ClientId", TinyTokenServer.ClientId);
        builder.UseSetting("Smtp:ClientSecret", TinyTokenServer.ClientSecret);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Tokens.DisposeAsync();
    }
}

public class SmtpOAuthTests(SmtpOAuthApp app) : IClassFixture<SmtpOAuthApp>
{
    [Fact]
    public async Task Run_OAuth2Configured_SignsInWithXOAuth2AndReusesTheToken()
    {
        var client = await app.ClientForAsync(TestData.Staff);
        var outbox = app.Services.GetRequiredService<EmailOutbox>();
        Assert.Equal(HttpStatusCode.Created, (await client.BookAsync(ApiCalls.Booking(app.Ids.EBike, "2026-03-16T09:30:00+01:00", "2026-03-16T10:00:00+01:00"))).StatusCode);
        Assert.Equal(1, await outbox.RunAsync());
        Assert.Equal(HttpStatusCode.Created, (await client.BookAsync(ApiCalls.Booking(app.Ids.EBike, "2026-03-16T11:30:00+01:00", "2026-03-16T12:00:00+01:00"))).StatusCode);
        Assert.Equal(1, await outbox.RunAsync());

        var request = Assert.Single(app.Tokens.Requests); // one token for both runs: it is valid for an hour
        Assert.Equal(("client_credentials", TinyTokenServer.ClientId, "https://outlook.office365.com/.default"),
            (request["grant_type"], request["client_id"], request["scope"]));
        Assert.Equal(2, app.Smtp.Auth.Count);
        Assert.All(app.Smtp.Auth, a => Assert.Equal(("XOAUTH2", "user=fleetpool@kommun.test\u0001auth=Bearer token-1\u0001\u0001"), a));
        Assert.Equal(2, app.Smtp.Received.Count(r => r.To.Contains(TestData.Staff)));
    }

    [Theory]
    [InlineData("OAuth2", "fleetpool@kommun.test", null, "ClientId")]
    [InlineData("Password", null, null, "Smtp:User")]
    [InlineData(null, null, null, null)]   // no user: an anonymous internal relay
    public void Problem_IncompleteSettings_NamesWhatIsMissing(string? auth, string? user, string? clientId, string? expected)
    {
        var options = new SmtpOptions
        {
            Host = "smtp.office365.com", Auth = auth is null ? null : Enum.Parse<SmtpAuth>(auth), User = user, ClientId = clientId,
            TokenEndpoint = "https://login.microsoftonline.com/t/oauth2/v2.0/token",
        };

        if (expected is null)
        {
            Assert.Equal(SmtpAuth.None, options.EffectiveAuth);
            Assert.Null(options.Problem());
        }
        else
        {
            Assert.Contains(expected, options.Problem(), StringComparison.Ordinal);
        }
    }
}
