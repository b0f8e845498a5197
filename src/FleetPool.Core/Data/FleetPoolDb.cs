using FleetPool.Core.Audit;
using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NodaTime;

namespace FleetPool.Core.Data;

/// <summary>
/// The application database: Identity, organisation, fleet, bookings and the audit trail. Every save appends an
/// <see cref="AuditEntry"/> per changed entity in the same transaction, attributed to <see cref="ActorId"/>, and a
/// <see cref="VehicleHistoryEntry"/> per vehicle added or changed in a dated attribute.
/// </summary>
public sealed class FleetPoolDb(DbContextOptions<FleetPoolDb> options)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    // Contexts are pooled, so the constructor takes only the options; the app's clock is looked up when a save needs it.
    private IClock Clock => this.GetService<IClock>();

    /// <summary>Organisation tree.</summary>
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    /// <summary>Cost centres.</summary>
    public DbSet<CostCenter> CostCenters => Set<CostCenter>();
    /// <summary>Sites.</summary>
    public DbSet<Site> Sites => Set<Site>();
    /// <summary>Vehicles.</summary>
    public DbSet<Vehicle> Vehicles => Set<Vehicle>();
    /// <summary>The dated history of vehicles' department, fuel and approved fuels.</summary>
    public DbSet<VehicleHistoryEntry> VehicleHistory => Set<VehicleHistoryEntry>();
    /// <summary>Bookings.</summary>
    public DbSet<Booking> Bookings => Set<Booking>();
    /// <summary>The stops of multi-stop rounds.</summary>
    public DbSet<BookingStop> BookingStops => Set<BookingStop>();
    /// <summary>Repeating trips; their occurrences are bookings.</summary>
    public DbSet<Bookings.Series.BookingSeries> BookingSeries => Set<Bookings.Series.BookingSeries>();
    /// <summary>Places in line for a vehicle, and the offers made to them.</summary>
    public DbSet<Bookings.Waitlist.WaitlistEntry> WaitlistEntries => Set<Bookings.Waitlist.WaitlistEntry>();
    /// <summary>Which bookings need a yes, as fleet managers set them.</summary>
    public DbSet<Bookings.Approvals.ApprovalRule> ApprovalRules => Set<Bookings.Approvals.ApprovalRule>();
    /// <summary>Bookings waiting for a yes, and the decisions.</summary>
    public DbSet<Bookings.Approvals.ApprovalRequest> ApprovalRequests => Set<Bookings.Approvals.ApprovalRequest>();
    /// <summary>Refuelling and charging records.</summary>
    public DbSet<Refuelling> Refuellings => Set<Refuelling>();
    /// <summary>Fuel-card transactions, charge-point sessions and charging sessions recorded in the app.</summary>
    public DbSet<Energy.EnergyPurchase> EnergyPurchases => Set<Energy.EnergyPurchase>();
    /// <summary>Saved column mappings of energy files.</summary>
    public DbSet<Energy.EnergyMapping> EnergyMappings => Set<Energy.EnergyMapping>();
    /// <summary>Known destinations with coordinates.</summary>
    public DbSet<Steering.Place> Places => Set<Steering.Place>();
    /// <summary>Daily fleet-share figures per unit.</summary>
    public DbSet<Reporting.FleetShareSnapshot> FleetShareSnapshots => Set<Reporting.FleetShareSnapshot>();
    /// <summary>Years whose snapshots are adopted and never recomputed.</summary>
    public DbSet<Reporting.FleetShareLock> FleetShareLocks => Set<Reporting.FleetShareLock>();
    /// <summary>In-app notifications.</summary>
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    /// <summary>Damage and incident reports.</summary>
    public DbSet<DamageReport> DamageReports => Set<DamageReport>();
    /// <summary>Photos on damage reports (re-encoded JPEGs, no metadata).</summary>
    public DbSet<DamagePhoto> DamagePhotos => Set<DamagePhoto>();
    /// <summary>Vehicles' upkeep plans (service, inspection, tyres, insurance, lease).</summary>
    public DbSet<Fleet.Upkeep.VehicleUpkeep> VehicleUpkeep => Set<Fleet.Upkeep.VehicleUpkeep>();
    /// <summary>Upkeep reminders raised, one per vehicle, item, due point and level.</summary>
    public DbSet<Fleet.Upkeep.UpkeepReminder> UpkeepReminders => Set<Fleet.Upkeep.UpkeepReminder>();
    /// <summary>Fleet managers' corrections of odometer readings, with reasons.</summary>
    public DbSet<ReadingCorrection> ReadingCorrections => Set<ReadingCorrection>();
    /// <summary>ASP.NET Core data-protection keys, shared by every app instance (tokens and cookies work on all).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The append-only audit trail.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Who the changes saved through this context are attributed to; null for the system.</summary>
    public int? ActorId { get; set; }

    /// <summary>False only for bulk demo seeding, which is not a user's change.</summary>
    public bool RecordAudit { get; set; } = true;

    /// <summary>True on SQLite, whose missing date types need value converters.</summary>
    public bool IsSqlite => Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // A failed save ends its transaction (callers start again with a new context), so EF's savepoint around each save
        // in a transaction is two round trips for nothing.
        Database.AutoSavepointsEnabled = false;
        var capture = RecordAudit ? AuditCapture.From(ChangeTracker) : null;
        var history = VehicleHistoryCapture.From(ChangeTracker);
        if ((capture is null || capture.IsEmpty) && history.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await using (ownTransaction)
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = Clock.GetCurrentInstant();
            AuditEntries.AddRange(capture?.ToEntries(now, ActorId) ?? []);
            VehicleHistory.AddRange(history.ToEntries(now));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return count;
        }
    }

    /// <summary>
    /// Returns the context to the pool with its own settings cleared: a context is reused by the next request, which must
    /// not save under this one's actor.
    /// </summary>
    public override ValueTask DisposeAsync()
    {
        (ActorId, RecordAudit) = (null, true);
        return base.DisposeAsync();
    }

    /// <inheritdoc cref="DisposeAsync" />
    public override void Dispose()
    {
        (ActorId, RecordAudit) = (null, true);
        base.Dispose();
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (IsSqlite)
        {
            SqliteConventions.Apply(configurationBuilder);
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FleetPoolDb).Assembly);
    }
}
