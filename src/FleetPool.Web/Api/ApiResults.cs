using FleetPool.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetPool.Web.Api;

/// <summary>
/// Turns Core outcomes into HTTP results: ProblemDetails for every refusal, errors keyed by field. The answer is typed
/// (<c>Results&lt;TOk, ProblemHttpResult&gt;</c>), so the OpenAPI document describes each endpoint's success body from its code.
/// </summary>
internal static class ApiResults
{
    /// <summary>The id of what was made or changed, when that is all an answer says.</summary>
    public sealed record IdResult(int Id);

    /// <summary>The success result for a value, or the problem.</summary>
    public static Results<TOk, ProblemHttpResult> From<T, TOk>(Outcome<T> outcome, Func<T, TOk> ok) where TOk : IResult =>
        outcome.Problem is { } problem ? Problem(problem) : ok(outcome.Value!);

    /// <summary>The problem as the HTTP answer its kind maps to.</summary>
    public static ProblemHttpResult Problem(Problem p) => p.Kind switch
    {
        ProblemKind.NotFound => TypedResults.Problem(title: p.Title, statusCode: StatusCodes.Status404NotFound),
        ProblemKind.Forbidden => TypedResults.Problem(title: p.Title, statusCode: StatusCodes.Status403Forbidden),
        ProblemKind.Invalid => Validation(p, StatusCodes.Status400BadRequest),
        ProblemKind.Conflict => Validation(p, StatusCodes.Status409Conflict),
        _ => Validation(p, StatusCodes.Status422UnprocessableEntity),
    };

    /// <summary>
    /// A page's rows as the body, with <c>X-Total-Count</c> and, when a later page has rows, a <c>Link rel="next"</c> to it
    /// (the request's own query with the next page number).
    /// </summary>
    public static Ok<IReadOnlyList<T>> Paged<T>(HttpContext http, Page<T> page)
    {
        if (page.HasNext)
        {
            var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value);
            (query["page"], query["pageSize"]) = ((page.Number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                page.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{QueryString.Create(query)}>; rel=\"next\"";
        }
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page.Items);
    }

    /// <summary>The problem as an untyped result (for handlers that answer in several ways).</summary>
    public static IResult From(Problem p) => Problem(p);

    public static ProblemHttpResult Invalid(FieldErrors errors) => Problem(Core.Common.Problem.Invalid(errors));

    private static ProblemHttpResult Validation(Problem p, int status) =>
        TypedResults.Problem(new HttpValidationProblemDetails(p.Errors.ToDictionary()) { Title = p.Title, Status = status });
}
