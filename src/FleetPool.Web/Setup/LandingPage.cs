namespace FleetPool.Web.Setup;

/// <summary>A plain start page until the MudBlazor UI arrives: what runs here and where to go.</summary>
internal static class LandingPage
{
    public const string Html = """
        <!doctype html>
        <html lang="sv">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>FleetPool</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#eee;padding:0 .2rem}</style></head>
        <body>
        <h1>FleetPool</h1>
        <p lang="sv">Bokning av poolbilar, cyklar och elcyklar för kommunens tjänsteresor. Webbgränssnittet kommer snart; API:t körs redan.</p>
        <p lang="en">Booking of pool cars, bikes and e-bikes for municipal business trips. The web interface is coming; the API runs now.</p>
        <ul>
          <li><a href="/openapi/v1.json">OpenAPI document</a></li>
          <li><a href="/health">Health</a></li>
          <li>Sign in: <code>POST /api/auth/login</code> with <code>{"email":"staff@fleetpool.demo","password":"Demo!2025pool"}</code> (Development demo data)</li>
        </ul>
        </body>
        </html>
        """;
}
