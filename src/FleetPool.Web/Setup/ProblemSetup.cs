using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace FleetPool.Web.Setup;

/// <summary>Every error is ProblemDetails; unreadable bodies name the field that could not be read.</summary>
public static partial class ProblemSetup
{
    /// <summary>Registers ProblemDetails and the handler that turns binding failures into 400s.</summary>
    public static IServiceCollection AddFleetPoolProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? c.HttpContext.TraceIdentifier);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return services;
    }

    private sealed partial class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }
            var json = bad.InnerException as JsonException;
            var parameter = json is null ? BindFailure().Match(bad.Message) : System.Text.RegularExpressions.Match.Empty;
            var field = parameter.Success ? parameter.Groups["name"].Value : FieldOf(json?.Path);
            var message = bad.StatusCode switch
            {
                _ when parameter.Success => $"Not a valid value: \"{parameter.Groups["value"].Value[..Math.Min(parameter.Groups["value"].Length, 100)]}\".",
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
                _ when json is not null && json.Message.StartsWith("Must", StringComparison.Ordinal) => json.Message,
                _ when json is not null => "Invalid value or malformed JSON.",
                _ => bad.Message,
            };
            context.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = bad.StatusCode,
                    Title = "The request could not be read.",
                },
            });
        }

        // Minimal APIs' words for a query or route value of the wrong type: 'Failed to bind parameter "Nullable<bool> open" from "x".'
        [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "[^"]*?(?<name>\w+)" from "(?<value>.*)"\.$""")]
        private static partial System.Text.RegularExpressions.Regex BindFailure();

        // "$.refuel.amount" → "refuel.amount"; "$.Start" → "start"; no path → "body".
        private static string FieldOf(string? path)
        {
            if (string.IsNullOrEmpty(path) || path == "$")
            {
                return "body";
            }
            var parts = path.TrimStart('$', '.').Split('.', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Length > 0 ? char.ToLowerInvariant(p[0]) + p[1..] : p);
            return string.Join('.', parts);
        }
    }

    /// <summary>
    /// The database refused or timed out (connection limit, pool exhausted, lock timeout): a 503 the client may
    /// retry, not a 500. Nothing was written, since every write runs in one transaction.
    /// </summary>
    private sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not (DbException or Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: DbException }))
            {
                return false;
            }
            log.LogWarning(exception, "Database unavailable for {Path}", context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "2";
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The database is busy. Nothing was saved; please try again in a moment.",
                },
            });
        }
    }
}
