using System.Text.Json;
using System.Text.Json.Serialization;
using FleetPool.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace FleetPool.Web.Setup;

/// <summary>API JSON: camelCase names and enums, instants with offsets, dates as yyyy-MM-dd, times of day as HH:mm.</summary>
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
        o.Converters.Add(new DefinedEnumConverter(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        o.Converters.Add(new InstantConverter(time.Zone));
        o.Converters.Add(new LocalDateConverter());
        o.Converters.Add(new LocalTimeConverter());
        o.NumberHandling = JsonNumberHandling.Strict;
        return o;
    }

    // The built-in converter reads "cargoBike, van" as a flags combination even of a plain enum: only named values pass.
    private sealed class DefinedEnumConverter(JsonStringEnumConverter names) : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Defined<>).MakeGenericType(typeToConvert), names.CreateConverter(typeToConvert, options))!;

        private sealed class Defined<T>(JsonConverter names) : JsonConverter<T> where T : struct, Enum
        {
            private static readonly string Allowed = string.Join(", ", Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));
            private readonly JsonConverter<T> _names = (JsonConverter<T>)names;

            // "car,van" would even be a defined value (0 | 1 = van): a list is refused before it is read.
            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                reader.TokenType == JsonTokenType.String && reader.GetString()?.Contains(',', StringComparison.Ordinal) == false
                    && _names.Read(ref reader, typeToConvert, options) is var value && Enum.IsDefined(value)
                    ? value : throw new JsonException($"Must be one of: {Allowed}.");

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _names.Write(writer, value, options);
        }
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
            reader.TokenType == JsonTokenType.String && IsoInstant.ParseDate(reader.GetString()) is { } date
                ? date
                : throw new JsonException(IsoInstant.ExpectedDate);

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }

    // Times of day (a round's arrival windows) read as "10:30" or "10:30:00" and written as "10:30".
    private sealed class LocalTimeConverter : JsonConverter<LocalTime>
    {
        private static readonly LocalTimePattern Short = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

        public override LocalTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.GetString() is { } text
                && (Short.Parse(text) is { Success: true } hm ? hm : LocalTimePattern.ExtendedIso.Parse(text)) is { Success: true } ok
                ? ok.Value
                : throw new JsonException("A time of day as HH:mm, e.g. 10:30.");

        public override void Write(Utf8JsonWriter writer, LocalTime value, JsonSerializerOptions options) => writer.WriteStringValue(Short.Format(value));
    }
}
