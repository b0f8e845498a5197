using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Import;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

public abstract class VehicleImportTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private Task<Outcome<ImportResult>> RunAsync(string csv, bool dryRun, string role = Roles.Admin) =>
        App.InScopeAsync<CsvImport, Outcome<ImportResult>>(i => i.RunAsync(ImportKind.Vehicles, Actor.Of(role == Roles.Admin ? App.Ids.Admin : App.Ids.FleetManager, role), new StringReader(csv), dryRun));

    private Task<int> CountAsync() => App.QueryAsync(db => db.Vehicles.CountAsync());

    [Fact]
    public async Task Import_GoodSwedishSemicolonFile_DryRunWritesNothingThenImportsAll()
    {
        const string csv = """
            kind;name;registration;site;department;fuel;rangeKm;seats;acquiredOn
            Bil;Kia Niro 9;IMP 001;Nyckelskåp;Hemtjänst;el;450;5;2025-06-01
            elcykel;Elcykel 9;;Kommunalhuset;Bygglov;El;60;1;
            """;
        var before = await CountAsync();
        var dry = (await RunAsync(csv, dryRun: true)).Value!;
        Assert.Equal((true, 2, 0), (dry.Ok, dry.Rows, dry.Imported));
        Assert.Equal(before, await CountAsync());

        var done = (await RunAsync(csv, dryRun: false)).Value!;
        Assert.Equal((true, 2), (done.Ok, done.Imported));
        var imported = await App.QueryAsync(db => db.Vehicles.SingleAsync(v => v.Registration == "IMP 001"));
        Assert.Equal((VehicleKind.Car, FuelType.Electric, App.Ids.OpenSite, 450), (imported.Kind, imported.Fuel!.Value, imported.SiteId, imported.RangeKm!.Value));
    }

    [Fact]
    public async Task Import_BadLines_EveryErrorWithLineAndNothingImported()
    {
        const string csv = """
            kind,name,registration,site,department,fuel,rangeKm,seats,acquiredOn
            car,Good Car,IMP 100,Nyckelskåp,Hemtjänst,petrol,600,5,2025-01-01
            car,Lost Car,IMP 101,Atlantis,Hemtjänst,petrol,600,5,2025-01-01
            bike,Petrol Bike,,Nyckelskåp,Hemtjänst,petrol,,1,
            car,Twin,EL 001,Nyckelskåp,Hemtjänst,electric,abc,5,01/02/2025
            """;
        var before = await CountAsync();
        var result = (await RunAsync(csv, dryRun: false)).Value!;
        Assert.False(result.Ok);
        Assert.Equal(0, result.Imported);
        Assert.Equal(4, result.Rows);
        Assert.Contains(result.Errors, e => e is { Line: 3, Field: "site" });
        Assert.Contains(result.Errors, e => e is { Line: 4, Field: "fuel" });
        Assert.Contains(result.Errors, e => e is { Line: 5, Field: "registration" });
        Assert.Contains(result.Errors, e => e is { Line: 5, Field: "rangeKm" });
        Assert.Contains(result.Errors, e => e is { Line: 5, Field: "acquiredOn" });
        Assert.DoesNotContain(result.Errors, e => e.Line == 2);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Import_EmptyFileOrFleetManager_ClearRefusal()
    {
        Assert.Equal("file", Assert.Single((await RunAsync("", dryRun: true)).Value!.Errors).Field);
        Assert.Equal(ProblemKind.Forbidden, (await RunAsync("kind\ncar", dryRun: true, Roles.FleetManager)).Problem!.Kind);
    }
}

public sealed class VehicleImportTestsOnSqlite(SqliteApp app) : VehicleImportTests<SqliteApp>(app);

public sealed class VehicleImportTestsOnPostgres(PostgresApp app) : VehicleImportTests<PostgresApp>(app);
