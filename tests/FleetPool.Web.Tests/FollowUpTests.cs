using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Organisation;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>The yearly travel follow-up (CERO) on a department of its own: two employees, three trips in 2025, one in 2024.</summary>
public abstract class FollowUpTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private static int _seeds;

    // Each seeding on its own day: the pool's cars cannot be booked twice for one slot (the database refuses it).
    private async Task<int> SeedAsync()
    {
        var day = 12 + Interlocked.Increment(ref _seeds);
        return await App.QueryAsync(async db =>
        {
            var board = await db.OrgUnits.Where(u => u.Id == App.Ids.Department).Select(u => u.ParentId!.Value).SingleAsync();
            var unit = new OrgUnit { Name = "Uppföljning " + Guid.NewGuid().ToString("N")[..6], Kind = OrgUnitKind.Department, ParentId = board };
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
            var people = Enumerable.Range(0, 2).Select(i => new AppUser { UserName = $"{unit.Name}{i}@x.se".Replace(" ", ""), DisplayName = "P", DepartmentId = unit.Id }).ToList();
            db.Users.AddRange(people);
            await db.SaveChangesAsync();
            var costCenter = await db.CostCenters.Select(c => c.Id).FirstAsync();
            Booking Trip(int vehicle, int booker, int y, double hours, double km, double? grams) => new()
            {
                VehicleId = vehicle, BookerId = booker, Start = Instant.FromUtc(y, 5, day, 7, 0), End = Instant.FromUtc(y, 5, day, 7, 0) + Duration.FromHours(hours),
                BlockedUntil = Instant.FromUtc(y, 5, day, 7, 0) + Duration.FromHours(hours), ReturnedAt = Instant.FromUtc(y, 5, day, 7, 0) + Duration.FromHours(hours),
                Status = BookingStatus.Returned, Purpose = "Uppföljningstest", CostCenterId = costCenter, DistanceKm = km / 2, ActualKm = km, ActualCo2eGrams = grams,
                CreatedAt = Instant.FromUtc(y, 5, 1, 7, 0),
            };
            db.Bookings.AddRange(
                Trip(App.Ids.ElectricCar, people[0].Id, 2025, 3, 40, 560),   // 95 × 3 + 40 = 325 kr; 0.56 kg recorded
                Trip(App.Ids.PetrolCar, people[1].Id, 2025, 2, 100, null),   // 190 + 100 = 290 kr; 100 km × 167 g = 16.7 kg
                Trip(App.Ids.EBike, people[0].Id, 2025, 1, 10, 6),           // free; 6 g
                Trip(App.Ids.PetrolCar, people[0].Id, 2024, 2, 50, null));   // 190 + 50 = 240 kr; 8.35 kg
            await db.SaveChangesAsync();
            return unit.Id;
        });
    }

    [Fact]
    public async Task FollowUp_HandMadeYear_PerEmployeeKmByModeAndChange()
    {
        var unit = await SeedAsync();

        var report = await (await App.ClientForAsync(TestData.Fleet)).GetFromJsonAsync<JsonElement>("/api/reports/follow-up?year=2025");

        var line = report.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("unitId").GetInt32() == unit);
        var now = line.GetProperty("this");
        Assert.Equal((2, 3), (now.GetProperty("employees").GetInt32(), now.GetProperty("trips").GetInt32()));
        Assert.Equal((140.0, 10.0, 0.0), (now.GetProperty("carKm").GetDouble(), now.GetProperty("eBikeKm").GetDouble(), now.GetProperty("bikeKm").GetDouble()));
        Assert.Equal((17.3, 615m), (now.GetProperty("co2eKg").GetDouble(), now.GetProperty("costSek").GetDecimal())); // 0.56 + 16.7 + 0.006
        Assert.Equal((8.6, 308m), (now.GetProperty("co2ePerEmployeeKg").GetDouble(), now.GetProperty("costPerEmployeeSek").GetDecimal()));
        Assert.Equal(8.4, line.GetProperty("previous").GetProperty("co2eKg").GetDouble());
        Assert.Equal(Math.Round((17.3 - 8.4) / 8.4 * 100, 1), line.GetProperty("co2eChange").GetDouble());  // +106 %
        Assert.Equal(Math.Round((615 - 240) / 240.0 * 100, 1), line.GetProperty("costChange").GetDouble()); // +156.3 %
    }

    [Fact]
    public async Task FollowUp_LeadAndFutureYearAndCsv_OwnLinesOnly400AndSemicolons()
    {
        var unit = await SeedAsync();
        var lead = await (await App.ClientForAsync(TestData.Lead)).GetFromJsonAsync<JsonElement>("/api/reports/follow-up?year=2025");

        Assert.DoesNotContain(lead.GetProperty("lines").EnumerateArray(), l => l.GetProperty("unitId").GetInt32() == unit);
        Assert.Equal(2, lead.GetProperty("lines").GetArrayLength()); // their department and its board
        var manager = await App.ClientForAsync(TestData.Fleet);
        await (await manager.GetAsync("/api/reports/follow-up?year=2031")).AssertProblemAsync(HttpStatusCode.BadRequest, "year");
        var bytes = await (await manager.GetAsync("/api/exports/follow-up.csv?year=2025")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 with a byte-order mark, for Swedish Excel
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("år;från;till;nivå;enhet;anställda", csv, StringComparison.Ordinal);
        Assert.Contains(";8,6;308;", csv, StringComparison.Ordinal); // per employee, decimal comma
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ClientForAsync(TestData.Staff)).GetAsync("/api/reports/follow-up")).StatusCode);
    }
}

public sealed class FollowUpTestsOnSqlite(SqliteApp app) : FollowUpTests<SqliteApp>(app);

public sealed class FollowUpTestsOnPostgres(PostgresApp app) : FollowUpTests<PostgresApp>(app);
