using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

/// <summary>
/// The fixture fleet: five cars (two electric, HVO100 in maintenance, biogas, petrol) and two bikes, all in Hemtjänst under
/// Kommunstyrelsen. Four of five cars are fossil-independent: 80 %, one car short of the 2025 target.
/// </summary>
public abstract class FossilShareTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task RunNow_Twice_ExactlyOneSnapshotPerUnitWithSameFigures()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        var first = await manager.PostAsync("/api/reports/fossil-share/run", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await App.QueryAsync(db => db.FleetShareSnapshots.AsNoTracking().OrderBy(s => s.Level).ThenBy(s => s.UnitId).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync("/api/reports/fossil-share/run", null)).StatusCode);
        var after = await App.QueryAsync(db => db.FleetShareSnapshots.AsNoTracking().OrderBy(s => s.Level).ThenBy(s => s.UnitId).ToListAsync());

        var units = await App.QueryAsync(db => db.OrgUnits.CountAsync());
        Assert.Equal(units + 1, after.Count);
        Assert.Equal(before.Select(s => (s.Date, s.Level, s.UnitId, s.Vehicles, s.FossilIndependent, s.EnergyMj, s.Co2eKg)),
            after.Select(s => (s.Date, s.Level, s.UnitId, s.Vehicles, s.FossilIndependent, s.EnergyMj, s.Co2eKg)));
        var org = after.Single(s => s.Level == Core.Reporting.UnitLevel.Organisation);
        Assert.Equal((5, 4, 2, 2), (org.Vehicles, org.FossilIndependent, org.ZeroEmission, org.Bikes));
    }

    [Fact]
    public async Task Report_Organisation_TargetPassedUnmetGapAndVehiclesToReplace()
    {
        var report = await (await App.ClientForAsync(TestData.Fleet)).GetFromJsonAsync<JsonElement>("/api/reports/fossil-share");

        Assert.Equal(0.8, report.GetProperty("current").GetProperty("fossilIndependentShare").GetDouble(), 9);
        var target = report.GetProperty("targets")[0];
        Assert.Equal("fossilIndependentShare", target.GetProperty("metric").GetString());
        Assert.False(target.GetProperty("met").GetBoolean());
        Assert.True(target.GetProperty("deadlinePassed").GetBoolean());
        Assert.Equal((20.0, 1), (target.GetProperty("gap").GetDouble(), target.GetProperty("vehiclesToReplace").GetInt32()));
        Assert.Equal(JsonValueKind.Null, target.GetProperty("reachedOn").ValueKind);
        Assert.Equal(3, report.GetProperty("targets").GetArrayLength());
    }

    [Fact]
    public async Task Report_LeadOwnDepartmentAndBoardOtherRefusedStaffRefused()
    {
        var lead = await App.ClientForAsync(TestData.Lead);
        var board = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Id == App.Ids.Department).Select(u => u.ParentId!.Value).SingleAsync());

        var own = await lead.GetFromJsonAsync<JsonElement>("/api/reports/fossil-share");
        Assert.Equal(("department", App.Ids.Department), (own.GetProperty("level").GetString(), own.GetProperty("unitId").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/reports/fossil-share?department={board}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/api/reports/fossil-share?department={App.Ids.OtherDepartment}")).StatusCode);
        var staff = await App.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/reports/fossil-share")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/reports/fossil-share/run", null)).StatusCode);
    }
}

public sealed class FossilShareTestsOnSqlite(SqliteApp app) : FossilShareTests<SqliteApp>(app);

public sealed class FossilShareTestsOnPostgres(PostgresApp app) : FossilShareTests<PostgresApp>(app);
