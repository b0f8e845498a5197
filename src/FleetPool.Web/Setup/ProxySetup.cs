using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FleetPool.Web.Setup;

/// <summary>
/// Behind a TLS-terminating reverse proxy the app trusts <c>X-Forwarded-For/-Proto/-Host</c> from the proxies named in
/// <c>Hosting:KnownProxies</c> (addresses) and <c>Hosting:KnownNetworks</c> (CIDR) only, so it sees the client's address
/// (for the sign-in limits), knows it is on https (Secure cookies, HSTS) and builds calendar and sign-in URLs with the
/// public scheme, host and port. From anyone else the headers are ignored.
/// </summary>
public static class ProxySetup
{
    /// <summary>Configures which forwarded headers are trusted, and from whom.</summary>
    public static IServiceCollection AddFleetPoolForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        var hosting = config.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in hosting.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in hosting.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        // Every cookie is Secure on https (the Identity cookie is by default, the antiforgery cookie is not).
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }
}
