using System.ComponentModel.DataAnnotations;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Web.Setup;

/// <summary>Settings section <c>Organisation</c>.</summary>
public sealed class OrganisationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Organisation";

    /// <summary>IANA time zone all local times are shown and entered in.</summary>
    [Required] public string TimeZone { get; set; } = OrganisationTime.DefaultZoneId;
}

/// <summary>The clock and the organisation's zone.</summary>
public static class TimeSetup
{
    /// <summary>Registers <see cref="IClock"/> (the system clock; tests replace it) and <see cref="OrganisationTime"/>.</summary>
    public static IServiceCollection AddFleetPoolTime(this IServiceCollection services)
    {
        services.AddOptions<OrganisationOptions>().BindConfiguration(OrganisationOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone) is not null, "Organisation:TimeZone must be an IANA zone id such as Europe/Stockholm.")
            .ValidateOnStart();
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(sp => OrganisationTime.FromZoneId(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<OrganisationOptions>>().Value.TimeZone));
        return services;
    }
}
