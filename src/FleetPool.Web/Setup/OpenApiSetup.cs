using Microsoft.OpenApi;
using NodaTime;

namespace FleetPool.Web.Setup;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (read by the reference at <c>/api-reference</c>): named, NodaTime values
/// and enums described as the strings the API writes, and on every <c>/api</c> operation the ProblemDetails answers every endpoint can
/// give (bad input, not signed in or not allowed, unknown id, a conflict or a refused rule, too many requests, the
/// database busy) unless the endpoint declares its own.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>Registers the document and its transformers.</summary>
    public static IServiceCollection AddFleetPoolOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "FleetPool API";
            document.Info.Description = "Bookings, the fleet, reports and administration of FleetPool. Bearer tokens from POST /api/auth/login; " +
                "refusals are ProblemDetails whose errors are keyed by the field at fault. See the README's API section.";
            // The shared NodaTime schemas are never null themselves (one may have been made from a nullable property):
            // a nullable use wraps them as oneOf [null, it], which a null must match once.
            foreach (var name in new[] { nameof(Instant), nameof(LocalDate), nameof(LocalTime) })
            {
                if (document.Components?.Schemas?.TryGetValue(name, out var shared) == true && shared is OpenApiSchema schema)
                {
                    schema.Type = JsonSchemaType.String;
                }
            }
            // Shared enum schemas likewise: a nullable enum written inline may be null, the shared one never is.
            foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>().Where(s => s.Enum is { Count: > 0 }) ?? [])
            {
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. schema.Enum!.Where(v => v is not null)];
            }
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            // The shared schema of the type itself (made from a nullable use too); a nullable use wraps it as oneOf [null, it],
            // so it stays non-null, and the wrapper is left alone.
            if (schema.OneOf is { Count: > 0 })
            {
                return Task.CompletedTask;
            }
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum)
            {
                // Enums are written as camelCase names (JsonSetup's converter, which the schema exporter cannot see into).
                var nullableEnum = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is not null;
                schema.Type = nullableEnum ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                schema.Enum = [.. Enum.GetNames(type).Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n))];
                if (nullableEnum)
                {
                    schema.Enum.Add(null!); // a JSON null is then one of the listed values
                }
                return Task.CompletedTask;
            }
            var (format, pattern, example) = type == typeof(Instant) ? ("date-time", null, "2026-03-16T08:00:00+01:00")
                : type == typeof(LocalDate) ? ("date", null, "2026-03-16")
                : type == typeof(LocalTime) ? (null, "^[0-2][0-9]:[0-5][0-9]$", "08:00")
                : default((string?, string?, string?));
            if (example is not null)
            {
                // A nullable property written inline may be null; the type's own (shared) schema never is.
                var nullable = context.JsonPropertyInfo is not null && Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is not null;
                schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                (schema.Format, schema.Pattern) = (format, pattern);
                schema.Properties?.Clear();
                schema.Required?.Clear();
                schema.Description ??= $"e.g. {example}";
            }
            return Task.CompletedTask;
        });
        o.AddOperationTransformer(async (operation, context, ct) =>
        {
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
            {
                return;
            }
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            foreach (var query in metadata.OfType<Api.QueryParameter>())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = query.Name, In = ParameterLocation.Query, Description = query.Description, Required = query.Required,
                    Schema = await context.GetOrCreateSchemaAsync(query.Type, null, ct),
                });
            }
            if (metadata.OfType<Api.RawRequestBody>().FirstOrDefault() is { } raw)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true, Description = raw.Description,
                    Content = raw.ContentTypes.ToDictionary(t => t, t => new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = t.StartsWith("image/", StringComparison.Ordinal) ? "binary" : null },
                    }),
                };
            }
            var problem = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, ct);
            var anonymous = context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
            var writes = context.Description.HttpMethod is "POST" or "PUT" or "DELETE";
            operation.Responses ??= [];
            foreach (var (code, text, applies) in new (string, string, bool)[]
            {
                ("400", "Bad input: errors name each field at fault.", true),
                ("401", "Not signed in, the token was revoked, or (signing in) the e-mail or password is wrong.",
                    !anonymous || context.Description.RelativePath.StartsWith("api/auth/", StringComparison.Ordinal)),
                ("403", "The caller's role does not allow this.", !anonymous),
                ("404", "An unknown id, or one the caller may not see.", context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Path")),
                ("409", "Conflicts with another booking or change.", writes),
                ("422", "Well-formed, but a rule refuses it (a report's period too long, say): errors name the rule or field.", true),
                ("429", "Too many requests from this client: see Retry-After.", anonymous),
                ("503", "The database is busy: try again after Retry-After seconds; nothing was written.", true),
            })
            {
                if (applies && !operation.Responses.ContainsKey(code))
                {
                    operation.Responses[code] = new OpenApiResponse
                    {
                        Description = text,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                    };
                }
            }
        });
    });
}
