namespace FleetPool.Core.Energy;

/// <summary>
/// How one issuer's or operator's file names its columns, saved once so that its own export imports without editing.
/// Each property holds the file's header for that field. Invariants: <see cref="Name"/> is unique; date, vehicle,
/// product (or a fixed <see cref="Source"/> of charging) and amount are mapped; the time may be in the date column.
/// </summary>
public sealed class EnergyMapping
{
    /// <summary>Database id; 0 for the documented standard layout.</summary>
    public int Id { get; set; }
    /// <summary>E.g. "Preem företagskort" or "Laddoperatör X".</summary>
    public required string Name { get; set; }
    /// <summary>Fuel-card transactions or charge-point sessions.</summary>
    public EnergySource Source { get; set; } = EnergySource.FuelCard;
    /// <summary>Date, or date and time, of the purchase or the session start.</summary>
    public string DateColumn { get; set; } = "datum";
    /// <summary>Time of day, when the file has it in a column of its own.</summary>
    public string? TimeColumn { get; set; } = "tid";
    /// <summary>The end of a charging session, if the file has it.</summary>
    public string? EndColumn { get; set; } = "slut";
    /// <summary>Registration number or card / RFID tag.</summary>
    public string VehicleColumn { get; set; } = "fordon";
    /// <summary>Product name (Diesel, HVO100, El, …); none for a charge-point file (all electricity).</summary>
    public string? ProductColumn { get; set; } = "produkt";
    /// <summary>Litres, kg or kWh.</summary>
    public string AmountColumn { get; set; } = "mängd";
    /// <summary>The unit written beside the amount (l, kg, kWh), checked against the product when given.</summary>
    public string? UnitColumn { get; set; } = "enhet";
    /// <summary>Price in SEK.</summary>
    public string? PriceColumn { get; set; } = "belopp";
    /// <summary>The issuer's transaction or session id (makes a second import of the same file count once).</summary>
    public string? TransactionColumn { get; set; } = "transaktion";
    /// <summary>Station or charger.</summary>
    public string? PlaceColumn { get; set; } = "plats";

    /// <summary>The documented layout: <c>datum;tid;fordon;produkt;mängd;enhet;belopp;transaktion;plats;slut</c>.</summary>
    public static EnergyMapping Standard => new() { Name = "Standard" };

    /// <summary>The mapped headers in template order.</summary>
    public IEnumerable<string> Columns() => new[] { DateColumn, TimeColumn, VehicleColumn, ProductColumn, AmountColumn, UnitColumn, PriceColumn,
        TransactionColumn, PlaceColumn, EndColumn }.OfType<string>();
}
