using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// Checks every <c>/api</c> response the web tests receive against the app's own OpenAPI document: the operation must be
/// in it, every query value the request sent must be one of its parameters, and where the document gives a schema for the answer's status, the JSON body must match it — otherwise the
/// answer becomes a 500 naming the mismatch, so the test that received it fails. Answers the document gives no schema
/// for are counted as undescribed (typing them is ongoing); the totals go to measurements.txt when the test run ends.
/// </summary>
public static class OpenApiResponseCheck
{
    private static readonly ConcurrentDictionary<string, JsonSchema?> Schemas = new();
    private static readonly ConcurrentDictionary<string, byte> Operations = new();
    private static readonly ConcurrentDictionary<string, byte> Undescribed = new();
    private static JsonObject? _document;
    private static int _checked, _undescribed, _failed, _empty;

    static OpenApiResponseCheck() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        if (_checked + _undescribed + _empty > 0)
        {
            Measurements.Add($"OpenAPI check: {_checked} API responses matched their schema in /openapi/v1.json, {_failed} did not, " +
                $"{_undescribed} JSON bodies had no schema for their status yet, {_empty} had no JSON body; {Operations.Count} operations exercised of {OperationCount()} in the document");
            if (!Undescribed.IsEmpty)
            {
                Measurements.Add("OpenAPI check: no schema yet for " + string.Join(", ", Undescribed.Keys.Order(StringComparer.Ordinal)));
            }
        }
    };

    /// <summary>The document, read from the first app the tests start (every app serves the same one).</summary>
    public static void Load(string json)
    {
        if (Interlocked.CompareExchange(ref _document, (JsonObject)JsonNode.Parse(json)!, null) is null)
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "openapi-checked.json"), json); // what the run checked against
        }
    }

    public static bool IsLoaded => _document is not null;

    /// <summary>Adds the check in front of the app's own middleware.</summary>
    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(CheckAsync);
            next(app);
        };
    }

    private static async Task CheckAsync(HttpContext http, RequestDelegate next)
    {
        if (_document is null || !http.Request.Path.StartsWithSegments("/api"))
        {
            await next(http);
            return;
        }
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        var problem = Problem(http, buffer.ToArray());
        if (problem is not null)
        {
            Interlocked.Increment(ref _failed);
            Measurements.Add($"OpenAPI schema violation: {problem}");
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            http.Response.ContentType = "text/plain";
            http.Response.ContentLength = null;
            await http.Response.WriteAsync($"OpenAPI schema violation: {problem}");
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    }

    private static string? Problem(HttpContext http, byte[] body)
    {
        if (http.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return null; // no endpoint matched (404 from routing): nothing the document promises
        }
        var path = "/" + string.Join('/', endpoint.RoutePattern.RawText!.Trim('/').Split('/')
            .Select(s => System.Text.RegularExpressions.Regex.Replace(s, @"\{(\w+)(:[^}]*)?\}", "{$1}")));
        var method = http.Request.Method.ToLowerInvariant();
        if (_document!["paths"]?[path]?[method] is not JsonObject operation)
        {
            return endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true
                ? null : $"{method.ToUpperInvariant()} {path} is not in the document";
        }
        Operations.TryAdd($"{method} {path}", 0);
        var declared = (operation["parameters"] as JsonArray ?? []).Where(p => (string?)p?["in"] == "query").Select(p => (string?)p?["name"]).ToHashSet();
        if (http.Request.Query.Keys.FirstOrDefault(k => !declared.Contains(k)) is { } undeclared)
        {
            return $"{method.ToUpperInvariant()} {path}: the query value '{undeclared}' is not among the operation's parameters";
        }
        var status = http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = http.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && body.Length > 0;
        var key = $"{method} {path} {status}";
        var schema = Schemas.GetOrAdd(key, _ => Build(operation["responses"]?[status]?["content"]));
        if (!json)
        {
            Interlocked.Increment(ref _empty); // 204, 401 from the bearer handler, a file: nothing to match
            return null;
        }
        if (schema is null)
        {
            Undescribed.TryAdd(key, 0);
            Interlocked.Increment(ref _undescribed);
            return null;
        }
        Interlocked.Increment(ref _checked);
        var result = schema.Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }
        // The deepest failing places (a failed oneOf branch is listed too: read them together).
        var failing = (result.Details ?? []).Where(d => !d.IsValid).Select(d => (d.InstanceLocation.ToString(), d.EvaluationPath.ToString(), d.Errors))
            .Where(d => !(result.Details ?? []).Any(o => !o.IsValid && o.EvaluationPath.ToString().StartsWith(d.Item2 + "/", StringComparison.Ordinal)));
        return $"{key}: " + string.Join("; ", failing.Take(8).Select(f => $"{f.Item1} at {f.Item2}{(f.Errors is { Count: > 0 } e ? " " + string.Join(",", e.Values) : "")}"));
    }

    /// <summary>The schema of an answer's JSON content, with the document's components as $defs; null when none is given.</summary>
    private static JsonSchema? Build(JsonNode? content)
    {
        var schema = (content as JsonObject)?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?["schema"];
        if (schema is null)
        {
            return null;
        }
        var components = _document!["components"]?["schemas"]?.ToJsonString() ?? "{}";
        var text = $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{{components}},"allOf":[{{schema.ToJsonString()}}]}"""
            .Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static int OperationCount() => (_document?["paths"] as JsonObject)?.Sum(p => (p.Value as JsonObject)?.Count ?? 0) ?? 0;
}
