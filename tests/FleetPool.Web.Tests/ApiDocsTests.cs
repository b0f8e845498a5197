using System.Net;
using System.Text.Json;
using FleetPool.Web.Tests.Infrastructure;

namespace FleetPool.Web.Tests;

/// <summary>The app with the API docs as shipped outside Development: for signed-in people only.</summary>
public sealed class SignedInApiDocsApp : SqliteApp
{
    protected override bool PublicApiDocs => false;
}

/// <summary>The OpenAPI document and reference: not public by default, and file answers with their media type.</summary>
public sealed class ApiDocsTests(SignedInApiDocsApp app) : IClassFixture<SignedInApiDocsApp>
{
    [Fact]
    public async Task OpenApi_NotSignedIn_SentToSignInSignedIn_Served()
    {
        var anonymous = BrowserLikeClient.Anonymous(app);
        var document = await anonymous.GetAsync("/openapi/v1.json");
        var reference = await anonymous.GetAsync("/api-reference");
        var signedIn = await (await BrowserLikeClient.SignedInAsync(app, TestData.Staff)).GetAsync("/openapi/v1.json");

        Assert.All(new[] { document, reference }, r => Assert.Contains("/account/login", r.Headers.Location?.OriginalString ?? $"{(int)r.StatusCode}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task OpenApi_FileAnswers_NameTheirMediaType()
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Staff);

        var json = await client.GetStringAsync("/openapi/v1.json");

        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        string[] MediaTypes(string path) => paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("text/calendar", MediaTypes("/api/calendar/{token}.ics"));
        Assert.Contains("image/jpeg", MediaTypes("/api/damage/{id}/photos/{photoId}"));
        Assert.Contains("text/csv", MediaTypes("/api/exports/bookings.csv"));
        Assert.Contains("text/csv", MediaTypes("/api/exports/injury-report/{reportId}.csv"));
    }
}
