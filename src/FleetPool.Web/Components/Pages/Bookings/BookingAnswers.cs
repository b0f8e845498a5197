namespace FleetPool.Web.Components.Pages.Bookings;

/// <summary>What <see cref="ReasonDialog"/> asked for; null where it did not ask.</summary>
public sealed record BookingAnswers(string? Purpose, string? CostCenter, string? CarReason, string? FossilReason);
