using FleetPool.Core.Steering;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using NodaTime;

namespace FleetPool.Web.Setup;

/// <summary>The shape of the demo municipality: boards, departments, sites and the vehicle mix (about 71 % fossil-free).</summary>
internal static class DemoOrganisation
{
    public const string Password = "Demo!2025pool";

    public static readonly (string Board, string[] Departments)[] Boards =
    [
        ("Kommunstyrelsen", ["Kommunledningsförvaltningen", "IT och digitalisering"]),
        ("Socialnämnden", ["Hemtjänst", "Myndighetsutövning"]),
        ("Barn- och utbildningsnämnden", ["Förskola", "Grundskola"]),
        ("Natur- och byggnadsnämnden", ["Bygglov", "Park och natur"]),
    ];

    /// <summary>Destinations around Huddinge (approximate centres), one of them a protected address.</summary>
    public static Place[] Places() =>
    [
        new() { Name = "Huddinge sjukhus", Address = "Hälsovägen 13, Flemingsberg", Latitude = 59.2220, Longitude = 17.9380 },
        new() { Name = "Stuvsta skola", Address = "Stuvsta", Latitude = 59.2536, Longitude = 17.9967 },
        new() { Name = "Trångsund äldreboende", Address = "Trångsund", Latitude = 59.2260, Longitude = 18.1280 },
        new() { Name = "Vårby gård bibliotek", Address = "Vårby gård", Latitude = 59.2646, Longitude = 17.8838 },
        new() { Name = "Sjödalens idrottsplats", Address = "Sjödalen, Huddinge", Latitude = 59.2420, Longitude = 17.9880 },
        new() { Name = "Segeltorps förskola", Address = "Segeltorp", Latitude = 59.2820, Longitude = 17.9530 },
        new() { Name = "Länna handelsområde", Address = "Länna", Latitude = 59.2180, Longitude = 18.1210 },
        new() { Name = "Flemingsbergs station", Address = "Flemingsberg", Latitude = 59.2175, Longitude = 17.9465 },
        new() { Name = "Tullinge gård", Address = "Tullinge", Latitude = 59.2050, Longitude = 17.9030 },
        new() { Name = "Södertälje kommunhus", Address = "Södertälje", Latitude = 59.1955, Longitude = 17.6253 },
        new() { Name = "Brukare (skyddad adress)", Latitude = 59.2450, Longitude = 18.0100, Confidential = true },
    ];

    public static Site[] Sites() =>
    [
        new() { Name = "Kommunalhuset", Address = "Kommunalvägen 28, 141 85 Huddinge", Latitude = 59.2366, Longitude = 17.9813, OpeningHours = Weekdays(7, 18),
            PickUpInstructions = "Nycklar i receptionen, entréplan. Bilarna står i garaget under huset, cyklarna i cykelrummet bredvid." },
        new() { Name = "Flemingsberg", Address = "Regnbågsallén 1, 141 52 Huddinge", Latitude = 59.2194, Longitude = 17.9472, OpeningHours = Weekdays(6, 19),
            PickUpInstructions = "Nycklar i receptionen. Poolbilarna står på platserna märkta FleetPool i garaget, plan −1." },
        new() { Name = "Skogås nyckelskåp", Address = "Skogås torg 4, 142 43 Skogås", Latitude = 59.2186, Longitude = 18.1547, OpenOnHolidays = true,
            PickUpInstructions = "Nyckelskåpet sitter till vänster om entrén. Elcyklarna står i det låsta cykelstället bakom huset.", KeyCode = "2580" },
    ];

    // 42 cars and vans. Officially (Miljöfordon, by approval) 30 fossil-independent (71 %, seed 000); in practice 26 (62 %):
    // four diesels approved for HVO100 still run on fossil diesel.
    public static readonly (VehicleKind Kind, FuelType Fuel, bool Hvo100Approved, string Model, int Count, int RangeKm, int Seats)[] MotorMix =
    [
        (VehicleKind.Car, FuelType.Electric, false, "Kia e-Niro", 8, 450, 5),
        (VehicleKind.Car, FuelType.Electric, false, "VW ID.3", 3, 420, 5),
        (VehicleKind.Van, FuelType.Electric, false, "Renault Kangoo E-Tech", 3, 280, 2),
        (VehicleKind.Car, FuelType.Hvo100, false, "Volvo V60 D4 (HVO100)", 2, 900, 5),
        (VehicleKind.Van, FuelType.Hvo100, false, "VW Transporter (HVO100)", 1, 800, 3),
        (VehicleKind.Car, FuelType.Diesel, true, "Volvo V60 D4", 2, 900, 5),
        (VehicleKind.Van, FuelType.Diesel, true, "VW Transporter", 2, 800, 3),
        (VehicleKind.Car, FuelType.Biogas, false, "VW Caddy TGI", 4, 500, 5),
        (VehicleKind.Car, FuelType.PluginHybrid, false, "Toyota RAV4 PHEV", 3, 600, 5),
        (VehicleKind.Car, FuelType.E85, false, "Ford Kuga FFV", 2, 550, 5),
        (VehicleKind.Car, FuelType.Petrol, false, "Toyota Yaris", 5, 650, 5),
        (VehicleKind.Car, FuelType.Diesel, false, "Skoda Octavia TDI", 4, 900, 5),
        (VehicleKind.Van, FuelType.Diesel, false, "Ford Transit Custom", 3, 800, 3),
    ];

    public static readonly (VehicleKind Kind, string Model, int Count)[] BikeMix =
    [
        (VehicleKind.EBike, "Elcykel Crescent", 8),
        (VehicleKind.Bike, "Cykel Monark", 4),
        (VehicleKind.CargoBike, "Lådcykel Bakfiets", 2),
    ];

    public static readonly (string Email, string Name, string[] Roles, bool Licence)[] Users =
    [
        ("staff@fleetpool.demo", "Sara Lind", [], true),
        ("fleet@fleetpool.demo", "Fredrik Berg", ["FleetManager"], true),
        ("lead@fleetpool.demo", "Lena Holm", ["DepartmentLead"], true),
        ("admin@fleetpool.demo", "Amir Nilsson", ["Admin"], true),
        ("erik.sjoberg@fleetpool.demo", "Erik Sjöberg", [], true),
        ("maria.ek@fleetpool.demo", "Maria Ek", [], true),
        ("johan.wall@fleetpool.demo", "Johan Wall", [], false),
        ("aisha.karim@fleetpool.demo", "Aisha Karim", [], true),
        ("per.ostlund@fleetpool.demo", "Per Östlund", [], true),
        ("elin.strand@fleetpool.demo", "Elin Strand", [], true),
    ];

    private static List<OpeningHours> Weekdays(int opens, int closes) =>
        Enumerable.Range(1, 5).Select(d => new OpeningHours
        {
            Day = (IsoDayOfWeek)d, Opens = new LocalTime(opens, 0), Closes = new LocalTime(closes, 0),
        }).ToList();
}
