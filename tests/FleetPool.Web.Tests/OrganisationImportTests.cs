using FleetPool.Core.Common;
using FleetPool.Core.Import;
using FleetPool.Core.Organisation;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

public abstract class OrganisationImportTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private async Task<ImportResult> RunAsync(ImportKind kind, string csv, bool dryRun = false) =>
        (await App.InScopeAsync<CsvImport, Outcome<ImportResult>>(i => i.RunAsync(kind, Actor.Of(App.Ids.Admin, Roles.Admin), new StringReader(csv), dryRun))).Value!;

    private static void AssertErrors(ImportResult result, params (int Line, string Field)[] expected)
    {
        Assert.Equal(0, result.Imported);
        Assert.Equal(expected.Order(), result.Errors.Select(e => (e.Line, e.Field)).Distinct().Order());
    }

    [Fact]
    public async Task Sites_DecimalCommaAndWeekdayHours_ImportedWithHoursMondayToFriday()
    {
        var result = await RunAsync(ImportKind.Sites, """
            name;address;latitude;longitude;opens;closes;openOnHolidays
            Flemingsberg;Huddinge vägen 1;59,2190;17,9470;07:00;18:00;nej
            Skogås nyckelskåp;Skogåsvägen 2;59.2180;18.1530;;;ja
            """);

        Assert.Equal((true, 2), (result.Ok, result.Imported));
        var site = await App.QueryAsync(db => db.Sites.Include(s => s.OpeningHours).SingleAsync(s => s.Name == "Flemingsberg"));
        Assert.Equal(59.219, site.Latitude, 6);
        Assert.Equal(5, site.OpeningHours.Count);
        Assert.All(site.OpeningHours, h => Assert.Equal((new LocalTime(7, 0), new LocalTime(18, 0)), (h.Opens, h.Closes)));
        Assert.DoesNotContain(site.OpeningHours, h => h.Day is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
        var keyBox = await App.QueryAsync(db => db.Sites.Include(s => s.OpeningHours).SingleAsync(s => s.Name == "Skogås nyckelskåp"));
        Assert.Equal((0, true), (keyBox.OpeningHours.Count, keyBox.OpenOnHolidays));
    }

    [Fact]
    public async Task Sites_BadLines_EachListedAndNoneImported()
    {
        var before = await App.QueryAsync(db => db.Sites.CountAsync());
        var result = await RunAsync(ImportKind.Sites, """
            name;address;latitude;longitude;opens;closes;openOnHolidays
            Nyckelskåp;Torget 9;59.2;17.9;;;
            Norr;Gatan 1;95;17.9;;;
            Syd;Gatan 2;59.1;17.9;7.30;16:00;kanske
            Väst;;59.1;;08:00;;
            Norr;Gatan 3;59.2;17.9;;;
            """);

        AssertErrors(result, (2, "name"), (3, "latitude"), (4, "opens"), (4, "openOnHolidays"), (5, "address"), (5, "longitude"), (5, "closes"), (6, "name"));
        Assert.Equal(before, await App.QueryAsync(db => db.Sites.CountAsync()));
    }

    [Fact]
    public async Task Sites_QuoteMarkLeftOpen_ItsLineNamedAndNothingImported()
    {
        var before = await App.QueryAsync(db => db.Sites.CountAsync());

        var result = await RunAsync(ImportKind.Sites, """
            name;address;latitude;longitude;opens;closes;openOnHolidays
            Citat Norr;"Gatan 1;59.2;17.9;;;
            Citat Syd;Gatan 2;59.1;17.9;;;
            """);

        AssertErrors(result, (2, "file"));
        Assert.Equal(before, await App.QueryAsync(db => db.Sites.CountAsync()));
    }

    [Fact]
    public async Task Sites_FileSavedByExcelAsWindows1252_ReadWithItsSwedishLetters()
    {
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(
            "name;address;latitude;longitude;opens;closes;openOnHolidays\r\nÄngby gård;Västra vägen 1;59.3;17.9;;;\r\n");
        var admin = await App.ClientForAsync(TestData.Admin);

        var response = await admin.PostAsync("/api/imports/sites?dryRun=false", new ByteArrayContent(bytes));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Västra vägen 1", await App.QueryAsync(db => db.Sites.Where(s => s.Name == "Ängby gård").Select(s => s.Address).SingleAsync()));
    }

    [Fact]
    public async Task Departments_ChildBeforeParent_TreeImported()
    {
        var result = await RunAsync(ImportKind.Departments, """
            name;parent
            Hemtjänst Norr;Äldreomsorg
            Äldreomsorg;Socialnämnden
            Socialnämnden;
            Lönecenter;Kommunstyrelsen
            """);

        Assert.Equal((true, 4), (result.Ok, result.Imported));
        var units = await App.QueryAsync(db => db.OrgUnits.AsNoTracking().ToListAsync());
        OrgUnit Named(string name) => units.Single(u => u.Name == name);
        Assert.Equal((OrgUnitKind.Board, (int?)null), (Named("Socialnämnden").Kind, Named("Socialnämnden").ParentId));
        Assert.Equal(Named("Socialnämnden").Id, Named("Äldreomsorg").ParentId);
        Assert.Equal((OrgUnitKind.Department, Named("Äldreomsorg").Id), (Named("Hemtjänst Norr").Kind, Named("Hemtjänst Norr").ParentId!.Value));
        Assert.Equal(Named("Kommunstyrelsen").Id, Named("Lönecenter").ParentId);
    }

    [Fact]
    public async Task Departments_CycleUnknownParentOrSiblingTwin_RefusedWithLines()
    {
        var before = await App.QueryAsync(db => db.OrgUnits.CountAsync());
        var result = await RunAsync(ImportKind.Departments, """
            name;parent
            Ring A;Ring B
            Ring B;Ring A
            Fristående;Finns inte
            Bygglov;Kommunstyrelsen
            Själv;Själv
            """);

        AssertErrors(result, (2, "parent"), (3, "parent"), (4, "parent"), (5, "name"), (6, "parent"));
        Assert.Equal(before, await App.QueryAsync(db => db.OrgUnits.CountAsync()));
    }

    [Fact]
    public async Task CostCentres_GoodAndBad_AllOrNothing()
    {
        const string good = "code;name;unit;active\n5120;Bygglov fält;Bygglov;\n5121;Gammalt;Kommunstyrelsen;nej\n";
        Assert.Equal((true, 2), ((await RunAsync(ImportKind.CostCentres, good)) is var r ? (r.Ok, r.Imported) : default));
        var old = await App.QueryAsync(db => db.CostCenters.SingleAsync(c => c.Code == "5121"));
        Assert.False(old.IsActive);

        var bad = await RunAsync(ImportKind.CostCentres, "code;name;unit\n4110;Dubblett;Bygglov\n5130;Okänd;Ingenstans\n5131;Ny;Bygglov\n5131;Ny igen;Bygglov\n");
        AssertErrors(bad, (2, "code"), (3, "unit"), (5, "code"));
        Assert.False(await App.QueryAsync(db => db.CostCenters.AnyAsync(c => c.Code == "5131")));
    }

    [Fact]
    public async Task Users_GoodFile_AccountsWithRolesAndNoPassword()
    {
        var result = await RunAsync(ImportKind.Users, """
            email,name,department,roles
            anna.import@test.se,Anna Import,Hemtjänst,
            bo.import@test.se,Bo Import,Bygglov,fordonsansvarig|DepartmentLead
            """);

        Assert.Equal((true, 2), (result.Ok, result.Imported));
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var bo = (await users.FindByEmailAsync("BO.IMPORT@test.se"))!;
        Assert.Equal(["DepartmentLead", "FleetManager", "Staff"], (await users.GetRolesAsync(bo)).Order());
        Assert.False(await users.HasPasswordAsync(bo));
        Assert.Equal(App.Ids.OtherDepartment, bo.DepartmentId);
        Assert.Equal(["Staff"], await users.GetRolesAsync((await users.FindByEmailAsync("anna.import@test.se"))!));
    }

    [Fact]
    public async Task Users_BadLines_EachListedAndNoneImported()
    {
        var result = await RunAsync(ImportKind.Users, """
            email;name;department;roles
            staff@test.se;Finns redan;Hemtjänst;
            inte-en-adress;Fel adress;Hemtjänst;
            ny.person@test.se;Ny Person;Atlantis;Kung
            ny.person@TEST.se;Dubblett;;
            """);

        AssertErrors(result, (2, "email"), (3, "email"), (4, "department"), (4, "roles"), (5, "email"));
        Assert.False(await App.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "ny.person@test.se")));
    }

    [Fact]
    public async Task Places_ByFleetManager_ImportedWhileOtherKindsStayAdminOnly()
    {
        var manager = Actor.Of(App.Ids.FleetManager, Roles.FleetManager);
        Task<Outcome<ImportResult>> Run(ImportKind kind, string csv) => App.InScopeAsync<CsvImport, Outcome<ImportResult>>(i => i.RunAsync(kind, manager, new StringReader(csv), false));

        var places = await Run(ImportKind.Places, "name;address;latitude;longitude;confidential\nSkolan;Skolvägen 1;59,25;17,99;\nBrukare;;59,24;18,01;ja\nFel;;100;18;\n");
        Assert.Equal([(4, "latitude")], places.Value!.Errors.Select(e => (e.Line, e.Field)));
        var good = await Run(ImportKind.Places, "name;address;latitude;longitude;confidential\nSkolan;Skolvägen 1;59,25;17,99;\nBrukare;;59,24;18,01;ja\n");
        Assert.Equal(2, good.Value!.Imported);
        Assert.True(await App.QueryAsync(db => db.Places.AnyAsync(p => p.Name == "Brukare" && p.Confidential)));
        Assert.Equal(ProblemKind.Forbidden, (await Run(ImportKind.Sites, "name;address;latitude;longitude\nX;Y;59;18\n")).Problem!.Kind);
    }

    [Fact]
    public async Task Run_WrongHeader_OneFileErrorNamingTheColumns()
    {
        var result = await RunAsync(ImportKind.CostCentres, "a;b;c\n1;2;3\n", dryRun: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("file", 1), (error.Field, error.Line));
        Assert.Contains("code;name;unit;active", error.Message, StringComparison.Ordinal);
    }
}

public sealed class OrganisationImportTestsOnSqlite(SqliteApp app) : OrganisationImportTests<SqliteApp>(app);

public sealed class OrganisationImportTestsOnPostgres(PostgresApp app) : OrganisationImportTests<PostgresApp>(app);
