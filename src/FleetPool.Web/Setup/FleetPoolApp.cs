using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using FleetPool.Core;
using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Core.Steering;
using FleetPool.Web.Api;
using FleetPool.Web.Jobs;

namespace FleetPool.Web.Setup;

/// <summary>Wires the host: services on the builder, middleware and endpoints on the app.</summary>
public static class FleetPoolApp
{
    /// <summary>Registers every service the app needs.</summary>
    public static WebApplicationBuilder AddFleetPool(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BookingRuleDefaults>().BindConfiguration(BookingRuleDefaults.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Core.Bookings.Approvals.ApprovalOptions>().BindConfiguration(Core.Bookings.Approvals.ApprovalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Core.Bookings.HoldingLimitOptions>().BindConfiguration(Core.Bookings.HoldingLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Core.Bookings.Waitlist.WaitlistOptions>().BindConfiguration(Core.Bookings.Waitlist.WaitlistOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SteeringOptions>().BindConfiguration(SteeringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Core.Reporting.FleetShareOptions>().BindConfiguration(Core.Reporting.FleetShareOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Core.Reporting.DisclosureOptions>().BindConfiguration(Core.Reporting.DisclosureOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Core.Reporting.TariffOptions>().BindConfiguration(Core.Reporting.TariffOptions.Section);
        services.AddOptions<Core.Reporting.FollowUpOptions>().BindConfiguration(Core.Reporting.FollowUpOptions.Section);
        services.AddOptions<Core.Notifications.OperationsOptions>().BindConfiguration(Core.Notifications.OperationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Core.Notifications.SmtpOptions>().BindConfiguration(Core.Notifications.SmtpOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Core.Notifications.SmtpOptions>, Core.Notifications.SmtpOptionsValidation>();
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddFleetPoolTime().AddFleetPoolDatabase().AddFleetPoolCore()
            .AddFleetPoolJson().AddFleetPoolProblems().AddFleetPoolAuth().AddFleetPoolExternalLogin(builder.Configuration)
            .AddFleetPoolJobs(builder.Configuration).AddFleetPoolUi().AddFleetPoolRateLimits();
        services.AddScoped<PasswordSignIn>();
        services.AddFleetPoolKeyProtection(builder.Configuration, builder.Environment).AddFleetPoolForwardedHeaders(builder.Configuration);
        _ = PublicUrls.Configured(builder.Configuration); // a malformed public address stops the start, not the first calendar link
        services.AddFleetPoolOpenApi();
        // A year, subdomains included: what browsers' preload lists ask for (ASP.NET Core's default is 30 days, this host only).
        services.AddHsts(o => (o.MaxAge, o.IncludeSubDomains) = (TimeSpan.FromDays(365), true));
        services.AddFleetPoolTelemetry(builder.Configuration);
        services.AddHealthChecks().AddDbContextCheck<FleetPoolDb>("database", tags: [Ready])
            .AddCheck<Jobs.JobServerHealthCheck>("jobs", tags: [Ready]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1_000_000);
        return builder;
    }

    /// <summary>Migrates (and in Development seeds) the database, then maps middleware and endpoints.</summary>
    public static async Task UseFleetPoolAsync(this WebApplication app)
    {
        app.HoldSqliteInstanceLock();
        await app.Services.MigrateAsync();
        app.Services.ScheduleFleetPoolJobs();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("DemoData:Seed", true))
        {
            await DemoSeeder.SeedAsync(app.Services);
        }
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseWhen(c => IsApi(c), api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRouting(); // after re-execution, so the re-executed /not-found finds its endpoint
        app.UseRateLimiter();
        app.UseWhen(c => IsApi(c), api => api.UseRequestLocalization(UiSetup.ApiLocalization()));
        app.UseWhen(c => !IsApi(c), pages => pages.UseRequestLocalization());
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only on https requests, as the proxy forwards them
        }
        if (app.Configuration.GetValue<bool>($"{HostingOptions.Section}:{nameof(HostingOptions.UseHttpsRedirection)}"))
        {
            app.UseHttpsRedirection();
        }
        app.UseAuthentication();
        app.UseRevocationCheck();
        app.UseAuthorization();
        app.UseAntiforgery();
        // The OpenAPI document and the interactive reference (Scalar, its script served by the app itself: no CDN) at /api-reference:
        // for signed-in people unless Hosting:PublicApiDocs says anyone.
        var docs = new[]
        {
            app.MapOpenApi(),
            app.MapScalarApiReference("/api-reference", o => o.WithTitle("FleetPool API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts().WithFavicon("/favicon.svg")),
        };
        foreach (var endpoints in docs)
        {
            _ = app.Configuration.GetValue<bool>($"{HostingOptions.Section}:{nameof(HostingOptions.PublicApiDocs)}")
                ? endpoints.AllowAnonymous() : endpoints.RequireAuthorization(Policies.Staff);
        }
        // /health/live: the process answers (restart it if not); /health/ready: the database and the job server are up (send
        // it traffic); /health: both, for a plain check. See docs/operations.md.
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthReportJson.WriteAsync })
            .AllowAnonymous();
        app.MapFleetPoolUi();
        app.MapExternalLogin();
        app.MapFleetPoolDashboard();
        app.MapGroup("/exports").MapExports().MapDamagePhotoFiles().MapPersonalDataFiles().ExcludeFromDescription();
        app.MapGroup("/api").MapAuthApi().MapVehiclesApi().MapAvailabilityApi().MapTripsApi().MapBookingsApi().MapSeriesApi().MapWaitlistApi().MapApprovalsApi().MapMaintenanceApi().MapUpkeepApi().MapDamageApi().MapUsersApi().MapCalendarApi().MapPlacesApi().MapReportsApi().MapNotificationsApi().MapEnergyApi().MapOrganisationApi().MapAdminApi();
    }

    private const string Ready = "ready";

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}

/// <summary>Settings section <c>Hosting</c>.</summary>
public sealed class HostingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hosting";

    /// <summary>Redirect HTTP to HTTPS; off by default (a reverse proxy usually terminates TLS). HSTS is sent on https outside Development.</summary>
    public bool UseHttpsRedirection { get; set; }

    /// <summary>Addresses of the reverse proxies whose X-Forwarded-* headers are trusted (e.g. "10.0.0.5"); none by default.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted reverse proxies in CIDR form (e.g. "10.0.0.0/24"); none by default.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>The address people reach the app at, for links that leave it (<see cref="PublicUrls"/>); empty: the page's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// True to let anyone read the OpenAPI document and the API reference; false (the default) asks them to sign in first,
    /// so the surface is not mapped for strangers. Development turns it on.
    /// </summary>
    public bool PublicApiDocs { get; set; }
}
