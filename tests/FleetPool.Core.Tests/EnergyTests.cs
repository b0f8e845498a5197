using System.Text;
using FleetPool.Core.Energy;
using FleetPool.Core.Fleet;
using FleetPool.Core.Sustainability;
using NodaTime;

namespace FleetPool.Core.Tests;

public class EnergySourcesTests
{
    [Fact]
    public void Combine_ImportAndCheckInSameVehicleMonth_ImportReplacesCheckInSessionsAdded()
    {
        EnergyBought[] checkIn = [new(1, FuelType.Petrol, 40, 11), new(1, FuelType.Electric, 10, 11), new(2, FuelType.Diesel, 30, 11), new(1, FuelType.Petrol, 20, 10)];
        EnergyBought[] sessions = [new(1, FuelType.Electric, 25, 11)];
        EnergyBought[] imported = [new(1, FuelType.Petrol, 45, 11)];

        var all = EnergySources.Combine(checkIn, sessions, imported);

        // Car 1, month 11: the card's 45 l replace the 40 l entered at check-in; its 10 kWh (other energy) stay; the depot
        // session is added; car 2 and car 1's month 10 have no import and keep their check-in records.
        Assert.Equal(45 + 10 + 25 + 30 + 20, all.Sum(e => e.Amount));
        Assert.DoesNotContain(all, e => e is { VehicleId: 1, Month: 11, Fuel: FuelType.Petrol, Amount: 40 });
    }
}

public class EnergyFileTests
{
    static EnergyFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("45,5", 45.5)]
    [InlineData("1 001,00", 1001)]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("612,50 kr", 612.5)]
    [InlineData("1\u00A0050", 1050)]
    public void Number_SwedishAndEnglishWriting_Value(string text, double expected) => Assert.Equal(expected, EnergyFile.Number(text));

    [Fact]
    public void Number_NotANumber_Null() => Assert.Null(EnergyFile.Number("fyrtio"));

    [Fact]
    public void Decode_Windows1252AndUtf8WithBom_SameText()
    {
        const string text = "mängd;plats\n45;Trångsund";
        Assert.Equal(text, EnergyFile.Decode(Encoding.GetEncoding(1252).GetBytes(text)));
        Assert.Equal(text, EnergyFile.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]));
    }

    [Theory]
    [InlineData("2024-06-03", "07:45", 2024, 6, 3, 7, 45)]
    [InlineData("2024-06-03 07:45:10", null, 2024, 6, 3, 7, 45)]
    [InlineData("2024-06-03T07:45", null, 2024, 6, 3, 7, 45)]
    [InlineData("03.06.2024 07:45", null, 2024, 6, 3, 7, 45)]
    [InlineData("2024-06-03", null, 2024, 6, 3, 0, 0)]
    public void DateTime_IssuerFormats_LocalDateTime(string date, string? time, int y, int mo, int d, int h, int mi)
    {
        var read = EnergyFile.DateTime(date, time)!.Value;
        Assert.Equal(new LocalDateTime(y, mo, d, h, mi), read.PlusSeconds(-read.Second));
    }

    [Theory]
    [InlineData("abc 123", "ABC123")]
    [InlineData("ABC-123", "ABC123")]
    public void Normalise_RegistrationWritings_OneKey(string text, string key) => Assert.Equal(key, EnergyFile.Normalise(text));
}

public class EnergyProductsTests
{
    [Theory]
    [InlineData("Bensin 95 E10", FuelType.Petrol)]
    [InlineData("Blyfri 98", FuelType.Petrol)]
    [InlineData("HVO100 Diesel", FuelType.Hvo100)]
    [InlineData("Diesel MK1", FuelType.Diesel)]
    [InlineData("Fordonsgas", FuelType.Biogas)]
    [InlineData("E85", FuelType.E85)]
    [InlineData("El", FuelType.Electric)]
    [InlineData("Laddning DC", FuelType.Electric)]
    [InlineData("Vätgas", FuelType.Hydrogen)]
    public void Read_ProductName_Fuel(string product, FuelType fuel) => Assert.Equal(fuel, EnergyProducts.Read(product));

    [Theory]
    [InlineData("Spolarvätska")]
    [InlineData("Biltvätt")]
    public void Read_NotAFuel_Null(string product) => Assert.Null(EnergyProducts.Read(product));

    [Theory]
    [InlineData(FuelType.PluginHybrid, FuelType.Petrol, true)]
    [InlineData(FuelType.PluginHybrid, FuelType.Electric, true)]
    [InlineData(FuelType.E85, FuelType.Petrol, true)]
    [InlineData(FuelType.Hvo100, FuelType.Diesel, true)]
    [InlineData(FuelType.Diesel, FuelType.Hvo100, false)]   // only when approved for it
    [InlineData(FuelType.Electric, FuelType.Diesel, false)]
    public void Fits_VehicleFuelAndProduct_AsApproved(FuelType vehicle, FuelType product, bool fits) =>
        Assert.Equal(fits, EnergyProducts.Fits(new Vehicle { Name = "Bil", Kind = VehicleKind.Car, Fuel = vehicle }, product));

    [Fact]
    public void MaxPerFill_CarTankAndVanBattery_WithATenthToSpare()
    {
        Assert.Equal(77, EnergyProducts.MaxPerFill(new Vehicle { Name = "Bil", Kind = VehicleKind.Car, Fuel = FuelType.Petrol }, FuelType.Petrol), 6);
        Assert.Equal(99, EnergyProducts.MaxPerFill(new Vehicle { Name = "Skåp", Kind = VehicleKind.Van, Fuel = FuelType.Electric }, FuelType.Electric), 6);
    }
}
