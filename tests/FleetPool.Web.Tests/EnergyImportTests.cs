using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FleetPool.Core.Common;
using FleetPool.Core.Energy;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>
/// Fuel-card and charge-point files as issuers write them. Dates are in June 2024, outside the fixture's 12-month window,
/// so the share figures of the other tests stay as they are.
/// </summary>
public abstract class EnergyImportTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    static EnergyImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<JsonElement> ImportAsync(byte[] file, bool dryRun, int? mapping = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        var response = await manager.PostAsync($"/api/energy/import?dryRun={dryRun}{(mapping is { } m ? $"&mapping={m}" : "")}", new ByteArrayContent(file));
        Assert.Equal(expected, response.StatusCode);
        return await response.JsonAsync();
    }

    private Task<int> CountAsync(string transactionPrefix) =>
        App.QueryAsync(db => db.EnergyPurchases.CountAsync(p => p.TransactionId != null && p.TransactionId.StartsWith(transactionPrefix)));

    [Fact]
    public async Task Import_StandardLayoutWindows1252DecimalComma_DryRunThenOnceThenDuplicatesAndUnknownListed()
    {
        var tag = "T" + Guid.NewGuid().ToString("N")[..6];
        // As Swedish Excel saves it: Windows-1252 (the 'ä' in "mängd"), semicolons, decimal commas, a space in the registration.
        var file = Encoding.GetEncoding(1252).GetBytes(
            "datum;tid;fordon;produkt;mängd;enhet;belopp;transaktion;plats\r\n" +
            $"2024-06-03;07:45;PE 002;Bensin 95 E10;45,5;l;\"1 001,00\";{tag}-1;Preem Huddinge\r\n" +
            $"2024-06-04;16:10;el001;El;38,2;kWh;229,20;{tag}-2;Laddplats Kommunalhuset\r\n" +
            $"2024-06-05;09:00;XYZ 999;Diesel;50;l;1 050;{tag}-3;OKQ8 Flemingsberg\r\n");

        var dry = await ImportAsync(file, dryRun: true);
        Assert.Equal((3, 0, true), (dry.GetProperty("rows").GetInt32(), dry.GetProperty("imported").GetInt32(), dry.GetProperty("ok").GetBoolean()));
        Assert.Equal(1, dry.GetProperty("unmatched").GetProperty("XYZ999").GetInt32());
        Assert.Equal(0, await CountAsync(tag));

        var first = await ImportAsync(file, dryRun: false);
        Assert.Equal(3, first.GetProperty("imported").GetInt32());
        var stored = await App.QueryAsync(db => db.EnergyPurchases.AsNoTracking().Where(p => p.TransactionId!.StartsWith(tag)).OrderBy(p => p.TransactionId).ToListAsync());
        Assert.Equal((App.Ids.PetrolCar, Core.Fleet.FuelType.Petrol, 45.5, 1001m), (stored[0].VehicleId, stored[0].Fuel, stored[0].Amount, stored[0].PriceSek));
        Assert.Equal((App.Ids.ElectricCar, Core.Fleet.FuelType.Electric, 38.2), (stored[1].VehicleId, stored[1].Fuel, stored[1].Amount));
        Assert.Equal(((int?)null, "XYZ999"), (stored[2].VehicleId, stored[2].Identifier)); // kept, not dropped
        Assert.Equal(NodaTime.Instant.FromUtc(2024, 6, 3, 5, 45), stored[0].At);          // 07:45 Stockholm summer time

        var again = await ImportAsync(file, dryRun: false);
        Assert.Equal((0, 3), (again.GetProperty("imported").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(3, await CountAsync(tag));
        var unmatched = await (await App.ClientForAsync(TestData.Fleet)).GetFromJsonAsync<JsonElement>("/api/energy/unmatched");
        Assert.Contains(unmatched.EnumerateArray(), u => u.GetProperty("identifier").GetString() == "XYZ999");
    }

    [Theory]
    [InlineData("2024-06-03;EL 001;Diesel;40", "produkt")]          // an electric car cannot take diesel
    [InlineData("2024-06-03;PE 002;Bensin;300", "mängd")]           // no car's tank holds 300 l
    [InlineData("2024-06-03;PE 002;Snus;30", "produkt")]            // not a fuel
    [InlineData("2099-01-01;PE 002;Bensin;30", "datum")]            // in the future
    [InlineData("3 juni;PE 002;Bensin;30", "datum")]
    [InlineData("2024-06-03;PE 002;Bensin;-5", "mängd")]
    public async Task Import_BadLine_NothingWrittenErrorNamesLineAndColumn(string line, string column)
    {
        var tag = "B" + Guid.NewGuid().ToString("N")[..6];
        var file = Encoding.UTF8.GetBytes($"datum;fordon;produkt;mängd;transaktion\n2024-06-02;PE 002;Bensin;20;{tag}-ok\n{line};{tag}-bad\n");

        var result = await ImportAsync(file, dryRun: false);

        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, column), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Equal(0, result.GetProperty("imported").GetInt32());
        Assert.Equal(0, await CountAsync(tag)); // all or nothing: the good line was not written either
    }

    [Fact]
    public async Task Import_SavedMappingForAnIssuersOwnCommaFile_ImportsWithoutEditing()
    {
        var tag = "M" + Guid.NewGuid().ToString("N")[..6];
        var records = App.Services.GetRequiredService<EnergyRecords>();
        var fleet = new Actor(App.Ids.FleetManager, new HashSet<string> { Roles.Staff, Roles.FleetManager });
        var saved = await records.SaveMappingAsync(fleet, new EnergyMapping
        {
            Name = "Issuer " + tag, DateColumn = "Transaktionsdatum", TimeColumn = null, EndColumn = null, VehicleColumn = "Regnr", ProductColumn = "Artikel",
            AmountColumn = "Volym", UnitColumn = null, PriceColumn = "Belopp inkl moms", TransactionColumn = "Kvittonr", PlaceColumn = "Station",
        });
        Assert.True(saved.Value > 0, saved.Problem?.Summary);
        var file = Encoding.UTF8.GetBytes("\uFEFFKvittonr,Transaktionsdatum,Station,Regnr,Artikel,Volym,Belopp inkl moms\n" +
            $"{tag}-1,2024-06-10 12:30,Circle K Länna,PE-002,Blyfri 95,\"31,07\",\"612,50\"\n");

        var result = await ImportAsync(file, dryRun: false, mapping: saved.Value);

        Assert.Equal((1, true), (result.GetProperty("imported").GetInt32(), result.GetProperty("ok").GetBoolean()));
        var stored = await App.QueryAsync(db => db.EnergyPurchases.AsNoTracking().SingleAsync(p => p.TransactionId == tag + "-1"));
        Assert.Equal((App.Ids.PetrolCar, 31.07, "Circle K Länna"), (stored.VehicleId, stored.Amount, stored.Place));
        // The same mapping's required column missing in another file: the error says which and which mapping.
        var wrong = await ImportAsync(Encoding.UTF8.GetBytes("datum;fordon\n2024-06-10;PE 002\n"), dryRun: true, mapping: saved.Value);
        Assert.Contains(wrong.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "Transaktionsdatum");
    }

    [Fact]
    public async Task Charging_DepotSession_RecordedOnlyWhereItFits()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);

        var ok = await manager.PostAsJsonAsync($"/api/vehicles/{App.Ids.ElectricCar}/charging",
            new { kwh = 35.5, start = "2024-06-11T17:00:00+02:00", end = "2024-06-11T23:00:00+02:00", charger = "Depå 3" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        await (await manager.PostAsJsonAsync($"/api/vehicles/{App.Ids.ElectricCar}/charging", new { kwh = 500, start = "2024-06-11T17:00:00+02:00" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "kwh");
        await (await manager.PostAsJsonAsync($"/api/vehicles/{App.Ids.PetrolCar}/charging", new { kwh = 20, start = "2024-06-11T17:00:00+02:00" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "vehicleId");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync($"/api/vehicles/{App.Ids.ElectricCar}/charging",
            new { kwh = 20, start = "2024-06-11T17:00:00+02:00" })).StatusCode);
    }
}

public sealed class EnergyImportTestsOnSqlite(SqliteApp app) : EnergyImportTests<SqliteApp>(app);

public sealed class EnergyImportTestsOnPostgres(PostgresApp app) : EnergyImportTests<PostgresApp>(app);
