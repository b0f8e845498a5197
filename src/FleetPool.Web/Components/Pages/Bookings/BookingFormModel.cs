using FleetPool.Core.Fleet;

namespace FleetPool.Web.Components.Pages.Bookings;

/// <summary>What the Book page's form holds; times are local (Europe/Stockholm) until resolved.</summary>
public sealed class BookingFormModel
{
    public int? SiteId { get; set; }
    public DateTime? Date { get; set; }
    public TimeSpan? StartTime { get; set; } = new(9, 0, 0);
    public DateTime? ReturnDate { get; set; }
    public TimeSpan? EndTime { get; set; } = new(11, 0, 0);
    public VehicleKind? Kind { get; set; }
    public int Passengers { get; set; } = 1;
    public double? DistanceKm { get; set; }
    public string? Destination { get; set; }
    public FleetPool.Core.Steering.PlaceView? Place { get; set; }
    public bool Confidential { get; set; }
    public string AlternativeCheck { get; set; } = "notAsked";
    public string? Purpose { get; set; }
    public string? CostCenter { get; set; }
}
