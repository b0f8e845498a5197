using System.Text.Json;
using System.Text.Json.Serialization;
using FleetPool.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace FleetPool.Web.Setup;

/// <summary>API JSON: camelCase names and enums, instants with offsets, dates as yyyy-MM-dd.</summary>
public static class JsonSetup
{
    /// <summary>Configures the minimal-API serializer.</summary>
    public static IServiceCollection AddFleetPoolJson(this IServiceCollection services)
    {
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<OrganisationTime>((o, time) => Apply(o.SerializerOptions, time));
        return services;
    }

    /// <summary>Applies FleetPool's conventions to serializer options (also used by tests and clients).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions o, OrganisationTime time)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        o.Converters.Add(new InstantConverter(time.Zone));
        o.Converters.Add(new LocalDateConverter());
        o.NumberHandling = JsonNumberHandling.Strict;
        return o;
    }

    private sealed class InstantConverter(DateTimeZone zone) : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && IsoInstant.Parse(reader.GetString()) is { } instant
                ? instant
                : throw new JsonException(IsoInstant.Expected);

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(IsoInstant.Format(value, zone));
    }

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && LocalDatePattern.Iso.Parse(reader.GetString() ?? "") is { Success: true } r
                ? r.Value
                : throw new JsonException("Must be a date as yyyy-MM-dd, e.g. 2026-03-29.");

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}
