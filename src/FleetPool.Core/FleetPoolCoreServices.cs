using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Core;

/// <summary>Registers Core's services. The host adds the DbContext factory, the clock, options and <see cref="Time.OrganisationTime"/>.</summary>
public static class FleetPoolCoreServices
{
    /// <summary>Adds the booking engine's services (all stateless singletons over the DbContext factory).</summary>
    public static IServiceCollection AddFleetPoolCore(this IServiceCollection services) => services
        .AddSingleton<Steering.IDistanceEstimator, Steering.HaversineDistance>()
        .AddSingleton<Steering.TripSteering>()
        .AddSingleton<Steering.PlaceRegistry>()
        .AddSingleton<Bookings.Approvals.ApprovalCheck>()
        .AddSingleton<BookingGate>()
        .AddSingleton<BookingService>()
        .AddSingleton<Bookings.Series.SeriesService>()
        .AddSingleton<Bookings.Waitlist.WaitlistService>()
        .AddSingleton<Bookings.Approvals.ApprovalService>()
        .AddSingleton<Fleet.Maintenance.MaintenanceWindows>()
        .AddSingleton<BookingLifecycle>()
        .AddSingleton<BookingQueries>()
        .AddSingleton<NoShowSweep>()
        .AddSingleton<AvailabilityService>()
        .AddSingleton<TripPhrases>()
        .AddSingleton<BookingDefaults>()
        .AddSingleton<VehicleService>()
        .AddSingleton<Retirement>()
        .AddSingleton<DamageReports>()
        .AddSingleton<DamagePhotos>()
        .AddSingleton<InjuryReports>()
        .AddSingleton<Fleet.Upkeep.UpkeepService>()
        .AddSingleton<Fleet.Todo.FleetTodo>()
        .AddSingleton<Notifications.SmtpOAuthTokens>()
        .AddSingleton<OdometerCorrections>()
        .AddSingleton<VehicleDetails>()
        .AddSingleton<FleetToday>()
        .AddSingleton<Reporting.DepartmentOverview>()
        .AddSingleton<Reporting.SteeringReports>()
        .AddSingleton<Reporting.FleetShareJob>()
        .AddSingleton<Reporting.FossilShareReports>()
        .AddSingleton<Reporting.CsvExports>()
        .AddSingleton<Reporting.PhaseOutPlanner>()
        .AddSingleton<Reporting.FleetShareLocks>()
        .AddSingleton<Reporting.ShareActions>()
        .AddSingleton<Energy.EnergyImport>()
        .AddSingleton<Energy.EnergyRecords>()
        .AddSingleton<Reporting.TravelFollowUp>()
        .AddSingleton<Steering.RoundPlanner>()
        .AddSingleton<Steering.RoundPlanning>()
        .AddSingleton<Reporting.HireCosts>()
        .AddSingleton<Notifications.Inbox>()
        .AddSingleton<Notifications.BookingNotices>()
        .AddSingleton<Notifications.EmailOutbox>()
        .AddSingleton<RetentionPurge>()
        .AddSingleton<Data.SqliteBackup>()
        .AddSingleton<Organisation.UserAccounts>()
        .AddSingleton<Organisation.OrganisationDirectory>()
        .AddSingleton<Organisation.Profiles>()
        .AddSingleton<Organisation.PersonalDataExport>()
        .AddSingleton<Organisation.UserDirectory>()
        .AddScoped<Organisation.UserAdministration>()
        .AddScoped<Organisation.ExternalAccounts>()
        .AddSingleton<Organisation.SiteRules>()
        .AddScoped<Import.CsvImport>()
        .AddSingleton<Audit.AuditLog>()
        .AddSingleton<CalendarFeed>();
}
