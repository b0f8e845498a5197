using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>Request helpers: bookings in Stockholm local time with explicit offsets, and ProblemDetails reading.</summary>
public static class ApiCalls
{
    /// <summary>A booking body; times are ISO strings with offsets as a client would send them.</summary>
    public static object Booking(int vehicleId, string start, string end, string purpose = "Hembesök", double? distanceKm = 25,
        string costCenter = TestData.CostCenter, int? driverId = null, string? fossilReason = null, string? carReason = null) =>
        new { vehicleId, start, end, purpose, costCenter, distanceKm, driverId, fossilReason, carReason };

    /// <summary>What tests about other rules say when they book the petrol car while an electric one is free.</summary>
    public const string TowBar = "Behöver dragkrok";

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, object body) => client.PostAsJsonAsync("/api/bookings", body);

    /// <summary>An export's rows as cells (the byte-order mark and CR dropped), the header first.</summary>
    public static List<string[]> CsvRows(string csv) =>
        csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(';')).ToList();

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>GETs JSON, asserting 200 with the body in the failure message (a schema violation names itself there).</summary>
    public static async Task<JsonElement> GetOkJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Asserts the status and that the body is ProblemDetails whose errors name the field.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var json = JsonDocument.Parse(body).RootElement;
        if (field is not null)
        {
            Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {body}");
        }
        return json;
    }

    /// <summary>The ids of a list answer's rows, in the order given.</summary>
    public static async Task<List<int>> IdsAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();

    /// <summary>Reads a paged list from its first page by following Link rel=next: each page's ids and X-Total-Count.</summary>
    public static async Task<List<(List<int> Ids, int Total)>> FollowPagesAsync(HttpClient client, string firstPage)
    {
        var pages = new List<(List<int>, int)>();
        for (var url = firstPage; url is not null && pages.Count < 100;)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
            pages.Add((ids, int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture)));
            url = response.Headers.TryGetValues("Link", out var links)
                ? System.Text.RegularExpressions.Regex.Match(links.Single(), "^<([^>]+)>; rel=\"next\"$").Groups[1].Value : null;
        }
        return pages;
    }
}
