namespace FleetPool.Core.Import;

/// <summary>What an import file holds. Each kind has its own columns (<see cref="CsvImport.Columns"/>).</summary>
public enum ImportKind
{
    /// <summary>Pick-up sites with coordinates and weekday opening hours.</summary>
    Sites,
    /// <summary>Boards and departments: a unit without a parent is a board.</summary>
    Departments,
    /// <summary>Cost centres, each owned by a board or department.</summary>
    CostCentres,
    /// <summary>User accounts (no passwords: they sign in with the organisation's login or get a password from an admin).</summary>
    Users,
    /// <summary>Cars, vans, bikes, e-bikes and cargo bikes.</summary>
    Vehicles,
    /// <summary>Known destinations with coordinates (fleet managers may import these too).</summary>
    Places,
}
