using System.Net;
using System.Text.Json;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

/// <summary>A person's own data (GDPR art. 15): theirs to download, an admin's to hand over on request, every export audited.</summary>
public abstract class PersonalDataTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Export_OwnData_ProfileTripsAndInboxAsAFileNothingSecretAndAudited()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var booking = await App.BookWednesdayAsync(TestData.Staff, cars[0], "09:00", "11:00");
        var staff = await App.ClientForAsync(TestData.Staff);

        var response = await staff.GetAsync("/api/users/me/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(body).RootElement;
        Assert.Equal(TestData.Staff, data.GetProperty("profile").GetProperty("email").GetString());
        var trip = data.GetProperty("trips").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == booking);
        Assert.Equal("Hembesök", trip.GetProperty("purpose").GetString());
        Assert.Contains(data.GetProperty("notices").EnumerateArray(), n => n.GetProperty("kind").GetString() == "bookingConfirmed");
        var user = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Id == App.Ids.Staff));
        Assert.DoesNotContain(user.PasswordHash!, body, StringComparison.Ordinal);
        Assert.DoesNotContain(user.SecurityStamp!, body, StringComparison.Ordinal);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "PersonalData" && a.EntityId == App.Ids.Staff.ToString() && a.ActorId == App.Ids.Staff)));
    }

    [Fact]
    public async Task Export_SomeoneElses_StaffRefusedAdminGetsItAuditedAsTheAdmin()
    {
        var lead = App.Ids.Lead.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var byStaff = await (await App.ClientForAsync(TestData.Staff)).GetAsync($"/api/users/{lead}/data");
        var byAdmin = await (await App.ClientForAsync(TestData.Admin)).GetAsync($"/api/users/{lead}/data");
        var unknown = await (await App.ClientForAsync(TestData.Admin)).GetAsync("/api/users/999999/data");

        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(TestData.Lead, (await byAdmin.JsonAsync()).GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "PersonalData" && a.EntityId == lead && a.ActorId == App.Ids.Admin)));
    }
}

public sealed class PersonalDataTestsOnSqlite(SqliteApp app) : PersonalDataTests<SqliteApp>(app);

public sealed class PersonalDataTestsOnPostgres(PostgresApp app) : PersonalDataTests<PostgresApp>(app);
