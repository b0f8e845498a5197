namespace FleetPool.Core.Fleet;

/// <summary>What sort of vehicle. Cars and light vans (N1, at most 3.5 t) count in the fleet's fossil-free share.</summary>
public enum VehicleKind
{
    /// <summary>Passenger car (M1).</summary>
    Car,
    /// <summary>Light van (N1, at most 3.5 t).</summary>
    Van,
    /// <summary>Bike with electric assist.</summary>
    EBike,
    /// <summary>Ordinary bike.</summary>
    Bike,
    /// <summary>Cargo bike, with or without assist.</summary>
    CargoBike,
}

/// <summary>Where a vehicle is in its life. Retired is final.</summary>
public enum VehicleStatus
{
    /// <summary>Bookable.</summary>
    Active,
    /// <summary>Temporarily out of service; not bookable, still part of the fleet.</summary>
    Maintenance,
    /// <summary>Left the fleet; not bookable.</summary>
    Retired,
}

/// <summary>Facts about kinds.</summary>
public static class VehicleKinds
{
    /// <summary>True for cars and light vans: they need a licensed driver and count in the fleet share.</summary>
    public static bool IsMotorVehicle(this VehicleKind kind) => kind is VehicleKind.Car or VehicleKind.Van;
}
