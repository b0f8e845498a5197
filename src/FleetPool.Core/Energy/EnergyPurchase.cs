using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Energy;

/// <summary>Where an energy record came from.</summary>
public enum EnergySource
{
    /// <summary>A charging session recorded in the app (depot charging).</summary>
    Charging,
    /// <summary>A fuel-card issuer's transaction file (Preem, Circle K, OKQ8, St1, Qstar …).</summary>
    FuelCard,
    /// <summary>A charge-point operator's session export.</summary>
    ChargePoint,
}

/// <summary>
/// Energy bought or charged for a vehicle: a fuel-card transaction, a charge-point session or a charging session recorded
/// in the app. Invariants: <see cref="Amount"/> &gt; 0 in the unit of <see cref="Fuel"/> and plausible for the vehicle's
/// tank or battery; an imported record with a <see cref="TransactionId"/> exists once per source (a file imported twice
/// counts once); a record whose vehicle is unknown is kept with <see cref="VehicleId"/> null and counts nowhere until it
/// is matched.
/// </summary>
public sealed class EnergyPurchase
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The vehicle; null while the file's registration or card matches none.</summary>
    public int? VehicleId { get; set; }
    /// <summary>The registration or card as the file wrote it, normalised (upper case, no spaces or hyphens).</summary>
    public required string Identifier { get; set; }
    /// <summary>When it was bought or the session started.</summary>
    public Instant At { get; set; }
    /// <summary>When a charging session ended, if known.</summary>
    public Instant? EndedAt { get; set; }
    /// <summary>The fuel bought (electricity for charging).</summary>
    public FuelType Fuel { get; set; }
    /// <summary>Litres, kg or kWh (the fuel's refuel unit).</summary>
    public double Amount { get; set; }
    /// <summary>Price paid, SEK including VAT, if given.</summary>
    public decimal? PriceSek { get; set; }
    /// <summary>Station or charger.</summary>
    public string? Place { get; set; }
    /// <summary>Where the record came from.</summary>
    public EnergySource Source { get; set; }
    /// <summary>The issuer's or operator's transaction id; null for sessions recorded in the app.</summary>
    public string? TransactionId { get; set; }
    /// <summary>When it was recorded or imported.</summary>
    public Instant RecordedAt { get; set; }
    /// <summary>Who recorded or imported it.</summary>
    public int? RecordedById { get; set; }
}
