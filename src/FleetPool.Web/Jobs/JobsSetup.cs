using System.ComponentModel.DataAnnotations;
using FleetPool.Core.Bookings;
using FleetPool.Core.Time;
using FleetPool.Web.Setup;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Jobs;

/// <summary>Settings section <c>Jobs</c>: recurring sweeps and their schedules (cron, in the organisation's zone).</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Jobs";

    /// <summary>Runs the Hangfire server in this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When reservations that were never picked up become no-shows.</summary>
    [Required] public string NoShowSweepCron { get; set; } = "*/5 * * * *";

    /// <summary>When the day's fleet-share snapshots are computed (default 06:00).</summary>
    [Required] public string FleetShareCron { get; set; } = "0 6 * * *";

    /// <summary>When bookers are reminded of reservations starting soon.</summary>
    [Required] public string ReminderCron { get; set; } = "*/5 * * * *";

    /// <summary>When overdue returns are flagged.</summary>
    [Required] public string OverdueCron { get; set; } = "*/10 * * * *";

    /// <summary>When trip destinations and free text past the retention period are removed (default 02:30).</summary>
    [Required] public string RetentionCron { get; set; } = "30 2 * * *";

    /// <summary>When pending notifications are e-mailed (only when Smtp:Host is set).</summary>
    [Required] public string EmailCron { get; set; } = "*/2 * * * *";

    /// <summary>When the SQLite database is copied (default 03:00; nothing on PostgreSQL).</summary>
    [Required] public string BackupCron { get; set; } = "0 3 * * *";
    /// <summary>Books repeating trips' dates as the "book ahead" horizon reaches them (Europe/Stockholm).</summary>
    [Required] public string SeriesCron { get; set; } = "15 0 * * *";
    /// <summary>Lapses unclaimed waitlist offers and offers freed vehicles to the next in line.</summary>
    [Required] public string WaitlistCron { get; set; } = "* * * * *";
    /// <summary>Releases bookings whose approval was not decided by its deadline.</summary>
    [Required] public string ApprovalCron { get; set; } = "*/5 * * * *";
    /// <summary>When due and overdue service, inspection, tyre, insurance and lease items are raised (default 06:30).</summary>
    [Required] public string UpkeepCron { get; set; } = "30 6 * * *";
}

/// <summary>Lets only signed-in fleet managers and admins into the Hangfire dashboard (the endpoint's policy says the same).</summary>
internal sealed class FleetManagerDashboardFilter : Hangfire.Dashboard.IDashboardAuthorizationFilter
{
    public bool Authorize(Hangfire.Dashboard.DashboardContext context) =>
        Hangfire.Dashboard.AspNetCoreDashboardContextExtensions.GetHttpContext(context).User is { Identity.IsAuthenticated: true } user
        && (user.IsInRole(Core.Common.Roles.FleetManager) || user.IsInRole(Core.Common.Roles.Admin));
}

/// <summary>
/// Hangfire runs only idempotent sweeps over the app database, so its queue holds nothing durable: in memory on
/// SQLite (one instance), on PostgreSQL when several instances share the database, so a recurring job runs once.
/// </summary>
public static class JobsSetup
{
    /// <summary>Registers Hangfire with the storage that matches the database provider.</summary>
    public static IServiceCollection AddFleetPoolJobs(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!config.GetValue($"{JobsOptions.Section}:{nameof(JobsOptions.Enabled)}", true))
        {
            return services;
        }
        services.AddSingleton<JobTelemetryFilter>();
        services.AddHangfire((sp, h) =>
        {
            h.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings().UseFilter(sp.GetRequiredService<JobTelemetryFilter>());
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (db.IsPostgres)
            {
                h.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(db.ConnectionString));
            }
            else
            {
                h.UseInMemoryStorage();
            }
        });
        services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        return services;
    }

    /// <summary>Adds or updates the recurring jobs (idempotent: every instance may call it at start).</summary>
    public static void ScheduleFleetPoolJobs(this IServiceProvider services)
    {
        if (services.GetService<IRecurringJobManager>() is not { } jobs)
        {
            return;
        }
        var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<OrganisationTime>().Zone.Id);
        jobs.AddOrUpdate<NoShowSweep>("no-show-sweep", s => s.RunAsync(CancellationToken.None), options.NoShowSweepCron,
            new RecurringJobOptions { TimeZone = zone });
        var inZone = new RecurringJobOptions { TimeZone = zone };
        jobs.AddOrUpdate<Core.Reporting.FleetShareJob>("fleet-share", j => j.RunAsync(CancellationToken.None), options.FleetShareCron, inZone);
        jobs.AddOrUpdate<Core.Notifications.BookingNotices>("reminders", j => j.RemindAsync(CancellationToken.None), options.ReminderCron, inZone);
        jobs.AddOrUpdate<Core.Notifications.BookingNotices>("overdue-returns", j => j.FlagOverdueAsync(CancellationToken.None), options.OverdueCron, inZone);
        jobs.AddOrUpdate<Core.Notifications.EmailOutbox>("email-outbox", j => j.RunAsync(CancellationToken.None), options.EmailCron, inZone);
        jobs.AddOrUpdate<RetentionPurge>("retention-purge", j => j.RunAsync(CancellationToken.None), options.RetentionCron, inZone);
        jobs.AddOrUpdate<Core.Bookings.Approvals.ApprovalService>("approval-lapse", j => j.LapseAsync(CancellationToken.None), options.ApprovalCron, inZone);
        jobs.AddOrUpdate<Core.Bookings.Waitlist.WaitlistService>("waitlist-sweep", j => j.SweepAsync(CancellationToken.None), options.WaitlistCron, inZone);
        jobs.AddOrUpdate<Core.Bookings.Series.SeriesService>("series-extension", j => j.ExtendAsync(CancellationToken.None), options.SeriesCron, inZone);
        jobs.AddOrUpdate<Core.Fleet.Upkeep.UpkeepService>("upkeep-reminders", j => j.RemindAsync(CancellationToken.None), options.UpkeepCron, inZone);
        jobs.AddOrUpdate<Core.Data.SqliteBackup>("sqlite-backup", j => j.RunAsync(null, CancellationToken.None), options.BackupCron, inZone);
    }

    /// <summary>
    /// The dashboard at <c>/hangfire</c>, for fleet managers and admins only (when this instance runs Hangfire); read-only
    /// for fleet managers: only admins trigger, requeue or delete jobs.
    /// </summary>
    public static void MapFleetPoolDashboard(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<JobStorage>() is null)
        {
            return;
        }
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new FleetManagerDashboardFilter()], DashboardTitle = "FleetPool – jobb", AppPath = "/",
            IsReadOnlyFunc = c => !Hangfire.Dashboard.AspNetCoreDashboardContextExtensions.GetHttpContext(c).User.IsInRole(Core.Common.Roles.Admin),
        }).RequireAuthorization(Policies.FleetManager);
    }
}
