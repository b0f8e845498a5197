using Microsoft.AspNetCore.Components;

namespace FleetPool.Web.Setup;

/// <summary>
/// Links that leave the app and must work from outside it (calendar subscriptions): from <c>Hosting:PublicBaseUrl</c>
/// when set (an absolute http or https URL, checked at start), else the page's own address as the proxy forwarded it.
/// </summary>
public sealed class PublicUrls(IConfiguration config, NavigationManager navigation)
{
    /// <summary>The setting's name.</summary>
    public const string Setting = "Hosting:PublicBaseUrl";

    /// <summary>The base every public link starts with, ending in "/".</summary>
    public Uri Base => Configured(config) ?? new Uri(navigation.BaseUri);

    /// <summary>The personal iCal feed (http or https, as the base).</summary>
    public string CalendarFeed(string token) => CalendarFeed(Base, token);

    /// <summary>The personal iCal feed under <paramref name="baseUri"/> (the API builds it from the request).</summary>
    public static string CalendarFeed(Uri baseUri, string token) => new Uri(baseUri, $"api/calendar/{token}.ics").ToString();

    /// <summary>The base for a request outside a page: the setting, else the request's own scheme, host and path base.</summary>
    public static Uri For(HttpRequest request, IConfiguration config) =>
        Configured(config) ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>The same feed as webcal://, which desktop calendars open as a subscription.</summary>
    public string CalendarWebcal(string token) => "webcal" + CalendarFeed(token)[CalendarFeed(token).IndexOf(':', StringComparison.Ordinal)..];

    /// <summary>Outlook on the web (Microsoft 365) adds the feed as a subscribed calendar.</summary>
    public string Outlook(string token) => $"https://outlook.office.com/calendar/0/addfromweb?url={Uri.EscapeDataString(CalendarFeed(token))}&name=FleetPool";

    /// <summary>Google Calendar adds the feed by its webcal address.</summary>
    public string Google(string token) => $"https://calendar.google.com/calendar/r?cid={Uri.EscapeDataString(CalendarWebcal(token))}";

    /// <summary>A vehicle's sticker: opens the scanner's trip with it.</summary>
    public string VehicleSticker(int vehicleId) => new Uri(Base, $"v/{vehicleId}").ToString();

    /// <summary>A site's key-cabinet sticker: opens the scanner's trip from that site.</summary>
    public string SiteSticker(int siteId) => new Uri(Base, $"s/{siteId}").ToString();

    /// <summary>A QR code of <paramref name="url"/> as an SVG data URI (medium error correction: stickers get scuffed).</summary>
    public static string QrDataUri(string url)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
        var svg = new QRCoder.SvgQRCode(data).GetGraphic(6);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>The configured base, or null; throws at start for a value that is not an absolute http(s) URL.</summary>
    public static Uri? Configured(IConfiguration config)
    {
        if (config[Setting] is not { Length: > 0 } text)
        {
            return null;
        }
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{Setting} must be an absolute http or https URL, e.g. https://fleetpool.example.se/ (was '{text}').");
        }
        return uri;
    }
}
