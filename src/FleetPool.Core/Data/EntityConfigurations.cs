using FleetPool.Core.Audit;
using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetPool.Core.Data;

// Enums are stored as their names so the data stays readable and reordering members never corrupts it.

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CostCenterConfiguration : IEntityTypeConfiguration<CostCenter>
{
    public void Configure(EntityTypeBuilder<CostCenter> b)
    {
        b.Property(x => x.Code).HasMaxLength(30);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.PickUpInstructions).HasMaxLength(1000);
        b.Property(x => x.KeyCode).HasMaxLength(50);
        b.HasMany(x => x.OpeningHours).WithOne().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> b) =>
        b.Property(x => x.Day).HasConversion<string>().HasMaxLength(10);
}

internal sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Registration).HasMaxLength(20);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Fuel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReplacementFuel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        FuelList.Configure(b.Property(x => x.ApprovedFuels));
        b.Ignore(x => x.IsFossilIndependent);
        b.Ignore(x => x.IsBookable);
        b.HasIndex(x => x.Registration).IsUnique();
        b.HasIndex(x => new { x.SiteId, x.Kind });
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A list of fuels stored as "Diesel,Hvo100" (the same way wherever it appears).</summary>
internal static class FuelList
{
    public static void Configure(PropertyBuilder<List<FuelType>> property) => property.HasMaxLength(200).HasConversion(
        v => string.Join(",", v),
        s => s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<FuelType>).ToList(),
        new ValueComparer<List<FuelType>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, f) => HashCode.Combine(h, f)), v => v.ToList()));
}

internal sealed class VehicleHistoryConfiguration : IEntityTypeConfiguration<VehicleHistoryEntry>
{
    public void Configure(EntityTypeBuilder<VehicleHistoryEntry> b)
    {
        b.Property(x => x.Fuel).HasConversion<string>().HasMaxLength(20);
        FuelList.Configure(b.Property(x => x.ApprovedFuels));
        b.HasIndex(x => new { x.VehicleId, x.ValidFrom });
        b.HasOne<Vehicle>().WithMany().HasForeignKey(x => x.VehicleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Purpose).HasMaxLength(500);
        b.Property(x => x.Destination).HasMaxLength(200);
        b.Property(x => x.CarReason).HasMaxLength(500);
        b.Property(x => x.FossilReason).HasMaxLength(500);
        b.Property(x => x.AlternativeCheck).HasMaxLength(40);
        b.Ignore(x => x.EffectiveDriverId);
        b.Ignore(x => x.DrivenKm);
        // Overlap checks ask "ends after from, starts before to": BlockedUntil first narrows to the few current and future
        // bookings of the vehicle, where Start first would walk its whole history.
        b.HasIndex(x => new { x.VehicleId, x.BlockedUntil, x.Start });
        b.HasIndex(x => new { x.BookerId, x.Start });
        b.HasIndex(x => new { x.DriverId, x.Start }); // a driver's week for the holding limits, beside the booker's (the gate, every booking)
        b.HasIndex(x => x.Start); // the reports and exports take a period of trips: without it, every year of history is read
        b.HasIndex(x => new { x.Status, x.End }); // the to-do list's trips not returned and returns due today, without reading the history
        // The returned trips of a period with what the share job, planner and vehicle pages sum, all in the index: with only
        // (Status, End) to go on, a year of trips was millions of random reads into the table (5 M bookings: 25 s → 2 s).
        b.HasIndex(x => new { x.Status, x.ReturnedAt, x.VehicleId, x.ActualKm, x.OdometerInKm, x.OdometerOutKm, x.ActualCo2eGrams })
            .HasDatabaseName("IX_Bookings_ReturnedTrips");
        b.HasOne<Vehicle>().WithMany().HasForeignKey(x => x.VehicleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.BookerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DriverId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CostCenter>().WithMany().HasForeignKey(x => x.CostCenterId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to Places: adding one makes EF rebuild Bookings on SQLite outside the migration's transaction.
        b.HasIndex(x => x.DestinationPlaceId);
        // No foreign key to BookingSeries either (the same SQLite rebuild); the index finds a series' occurrences.
        b.HasIndex(x => new { x.SeriesId, x.Start });
    }
}

internal sealed class ApprovalRuleConfiguration : IEntityTypeConfiguration<Bookings.Approvals.ApprovalRule>
{
    public void Configure(EntityTypeBuilder<Bookings.Approvals.ApprovalRule> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Approver).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.VehicleKind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<Bookings.Approvals.ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<Bookings.Approvals.ApprovalRequest> b)
    {
        b.Property(x => x.Approver).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Rules).HasMaxLength(500);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasIndex(x => x.BookingId);
        b.HasIndex(x => new { x.DecidedAt, x.Deadline }); // the queue and the lapse sweep read the undecided ones
        b.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<Bookings.Waitlist.WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<Bookings.Waitlist.WaitlistEntry> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Purpose).HasMaxLength(500);
        b.Property(x => x.CarReason).HasMaxLength(500);
        b.Property(x => x.FossilReason).HasMaxLength(500);
        // The offer pass reads the line in order; a person's own entries by user.
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => x.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CostCenter>().WithMany().HasForeignKey(x => x.CostCenterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BookingStopConfiguration : IEntityTypeConfiguration<BookingStop>
{
    public void Configure(EntityTypeBuilder<BookingStop> b)
    {
        b.HasIndex(x => new { x.BookingId, x.Seq }).IsUnique();
        b.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BookingSeriesConfiguration : IEntityTypeConfiguration<Bookings.Series.BookingSeries>
{
    public void Configure(EntityTypeBuilder<Bookings.Series.BookingSeries> b)
    {
        b.Property(x => x.Every).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Purpose).HasMaxLength(500);
        b.Property(x => x.Destination).HasMaxLength(200);
        b.Property(x => x.CarReason).HasMaxLength(500);
        b.Property(x => x.FossilReason).HasMaxLength(500);
        b.Property(x => x.AlternativeCheck).HasMaxLength(40);
        b.Ignore(x => x.IsRunning);
        b.HasIndex(x => new { x.BookerId, x.FirstDate });
        b.HasOne<Vehicle>().WithMany().HasForeignKey(x => x.VehicleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.BookerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DriverId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CostCenter>().WithMany().HasForeignKey(x => x.CostCenterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Steering.Place>
{
    public void Configure(EntityTypeBuilder<Steering.Place> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(300);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class RefuellingConfiguration : IEntityTypeConfiguration<Refuelling>
{
    public void Configure(EntityTypeBuilder<Refuelling> b)
    {
        b.Property(x => x.FuelTanked).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.VehicleId, x.At });
        // The share job sums each month by vehicle and fuel: a month's range read from the index alone, not the whole table per month.
        b.HasIndex(x => new { x.At, x.VehicleId, x.FuelTanked, x.Amount }).HasDatabaseName("IX_Refuellings_Months");
        b.HasOne<Vehicle>().WithMany().HasForeignKey(x => x.VehicleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReadingCorrectionConfiguration : IEntityTypeConfiguration<ReadingCorrection>
{
    public void Configure(EntityTypeBuilder<ReadingCorrection> b)
    {
        b.Property(x => x.Field).HasMaxLength(30);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasIndex(x => x.VehicleId);
        b.HasOne<Vehicle>().WithMany().HasForeignKey(x => x.VehicleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DamageReportConfiguration : IEntityTypeConfiguration<DamageReport>
{
    public void Configure(EntityTypeBuilder<DamageReport> b)
    {
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => new { x.VehicleId, x.ResolvedAt });
        b.HasOne<Vehicle>().WithMany().HasForeignKey(x => x.VehicleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReportedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.LicenceClasses).HasMaxLength(50);
        b.Property(x => x.CalendarToken).HasMaxLength(64);
        b.Property(x => x.EmailOff).HasMaxLength(100);
        b.HasIndex(x => x.CalendarToken).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Entity).HasMaxLength(60);
        b.Property(x => x.EntityId).HasMaxLength(60);
        b.Property(x => x.Action).HasMaxLength(10);
        b.HasIndex(x => new { x.Entity, x.EntityId });
        b.HasIndex(x => x.At);
    }
}

internal sealed class FleetShareSnapshotConfiguration : IEntityTypeConfiguration<Reporting.FleetShareSnapshot>
{
    public void Configure(EntityTypeBuilder<Reporting.FleetShareSnapshot> b)
    {
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.HasIndex(x => new { x.Date, x.Level, x.UnitId }).IsUnique();
        b.Ignore(x => x.ZeroEmissionShare);
        b.Ignore(x => x.HasTrips);
        b.Ignore(x => x.FossilFreeEnergyShare);
    }
}

internal sealed class EnergyPurchaseConfiguration : IEntityTypeConfiguration<Energy.EnergyPurchase>
{
    public void Configure(EntityTypeBuilder<Energy.EnergyPurchase> b)
    {
        b.Property(x => x.Identifier).HasMaxLength(100);
        b.Property(x => x.Fuel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.TransactionId).HasMaxLength(100);
        b.Property(x => x.PriceSek).HasPrecision(12, 2);
        // Both databases treat NULLs as distinct: sessions recorded in the app (no transaction id) never collide.
        b.HasIndex(x => new { x.Source, x.TransactionId }).IsUnique();
        b.HasIndex(x => new { x.VehicleId, x.At });
        b.HasIndex(x => new { x.At, x.VehicleId, x.Fuel, x.Source, x.Amount }).HasDatabaseName("IX_EnergyPurchases_Months"); // as Refuellings'
        b.HasOne<Vehicle>().WithMany().HasForeignKey(x => x.VehicleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnergyMappingConfiguration : IEntityTypeConfiguration<Energy.EnergyMapping>
{
    public void Configure(EntityTypeBuilder<Energy.EnergyMapping> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        foreach (var column in new[] { nameof(Energy.EnergyMapping.DateColumn), nameof(Energy.EnergyMapping.TimeColumn), nameof(Energy.EnergyMapping.EndColumn),
            nameof(Energy.EnergyMapping.VehicleColumn), nameof(Energy.EnergyMapping.ProductColumn), nameof(Energy.EnergyMapping.AmountColumn),
            nameof(Energy.EnergyMapping.UnitColumn), nameof(Energy.EnergyMapping.PriceColumn), nameof(Energy.EnergyMapping.TransactionColumn),
            nameof(Energy.EnergyMapping.PlaceColumn) })
        {
            b.Property(column).HasMaxLength(100);
        }
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class FleetShareLockConfiguration : IEntityTypeConfiguration<Reporting.FleetShareLock>
{
    public void Configure(EntityTypeBuilder<Reporting.FleetShareLock> b)
    {
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Notifications.Notification> b)
    {
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.Arguments).HasMaxLength(500);
        b.HasIndex(x => new { x.UserId, x.At });
        b.HasIndex(x => new { x.UserId, x.BookingId, x.Kind }).IsUnique();
    }
}

internal sealed class VehicleUpkeepConfiguration : IEntityTypeConfiguration<Fleet.Upkeep.VehicleUpkeep>
{
    public void Configure(EntityTypeBuilder<Fleet.Upkeep.VehicleUpkeep> b)
    {
        b.HasKey(x => x.VehicleId);
        b.Property(x => x.VehicleId).ValueGeneratedNever();
        b.Property(x => x.Tyres).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Vehicle>().WithOne().HasForeignKey<Fleet.Upkeep.VehicleUpkeep>(x => x.VehicleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UpkeepReminderConfiguration : IEntityTypeConfiguration<Fleet.Upkeep.UpkeepReminder>
{
    public void Configure(EntityTypeBuilder<Fleet.Upkeep.UpkeepReminder> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DueKey).HasMaxLength(40);
        b.HasIndex(x => new { x.VehicleId, x.Kind, x.DueKey, x.Level }).IsUnique();
        b.HasOne<Vehicle>().WithMany().HasForeignKey(x => x.VehicleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DamagePhotoConfiguration : IEntityTypeConfiguration<DamagePhoto>
{
    public void Configure(EntityTypeBuilder<DamagePhoto> b)
    {
        b.HasIndex(x => x.DamageReportId);
        b.HasOne<DamageReport>().WithMany().HasForeignKey(x => x.DamageReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
