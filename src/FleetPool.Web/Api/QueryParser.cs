using System.Globalization;
using FleetPool.Core.Common;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Web.Api;

/// <summary>
/// Reads query-string values by hand so that a bad one is reported by its name with what is expected, never as a binding
/// failure. Only names the endpoint declares (<see cref="QueryParameter"/>) can be read.
/// </summary>
internal sealed class QueryParser(HttpRequest request)
{
    private readonly Endpoint? _endpoint = request.HttpContext.GetEndpoint();

    public FieldErrors Errors { get; } = new();

    /// <summary>Whether the endpoint declares this query value (a shared reader may serve endpoints that take fewer).</summary>
    public bool Declares(string name) => _endpoint?.Metadata.GetOrderedMetadata<QueryParameter>().Any(p => p.Name == name) ?? true;

    public int? Int(string name, int min = 1, int max = int.MaxValue) => Read(name, s =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : (int?)null,
        $"Must be a whole number from {min} to {max}.");

    public double? Double(string name) => Read(name, s =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null,
        "Must be a number, with a decimal point.");

    public Instant? Instant(string name) => Read(name, IsoInstant.Parse,
        IsoInstant.Expected + " In a query string, write '+' as %2B.");

    public LocalDate? Date(string name) => Read(name, IsoInstant.ParseDate, IsoInstant.ExpectedDate);

    public TEnum? Enum<TEnum>(string name) where TEnum : struct, Enum => Read(name, s =>
        System.Enum.TryParse<TEnum>(s, ignoreCase: true, out var v) && System.Enum.IsDefined(v) && !char.IsDigit(s[0]) ? v : (TEnum?)null,
        $"Must be one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");

    public bool? Bool(string name) => Read(name, s => s.ToLowerInvariant() switch { "true" or "1" => true, "false" or "0" => false, _ => (bool?)null },
        "Must be true or false.");

    public string? Text(string name, int maxLength) => Read(name, s => s.Length <= maxLength ? s : null, $"At most {maxLength} characters.");

    // The page is bounded so that (page - 1) × pageSize, the rows skipped, cannot overflow.
    public (int Page, int Size) Paging(int defaultSize, int maxSize) =>
        (Int("page", 1, int.MaxValue / maxSize) ?? 1, Int("pageSize", 1, maxSize) ?? defaultSize);

    private T? Read<T>(string name, Func<string, T?> parse, string message)
    {
        if (!Declares(name))
        {
            throw new InvalidOperationException($"{_endpoint!.DisplayName} reads the query value '{name}' without declaring it (WithQuery), so the OpenAPI document would not describe it.");
        }
        var raw = request.Query[name];
        if (raw.Count == 0 || string.IsNullOrWhiteSpace(raw[0]))
        {
            return default;
        }
        var value = raw.Count == 1 ? parse(raw[0]!.Trim()) : default;
        Errors.AddIf(value is null, name, raw.Count == 1 ? message : "Give this parameter once.");
        return value;
    }
}
