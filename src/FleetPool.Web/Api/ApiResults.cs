using FleetPool.Core.Common;

namespace FleetPool.Web.Api;

/// <summary>Turns Core outcomes into HTTP results: ProblemDetails for every refusal, errors keyed by field.</summary>
internal static class ApiResults
{
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> ok) =>
        outcome.Problem is { } problem ? From(problem) : ok(outcome.Value!);

    public static IResult From(Problem p) => p.Kind switch
    {
        ProblemKind.NotFound => TypedResults.Problem(title: p.Title, statusCode: StatusCodes.Status404NotFound),
        ProblemKind.Forbidden => TypedResults.Problem(title: p.Title, statusCode: StatusCodes.Status403Forbidden),
        ProblemKind.Invalid => Validation(p, StatusCodes.Status400BadRequest),
        ProblemKind.Conflict => Validation(p, StatusCodes.Status409Conflict),
        _ => Validation(p, StatusCodes.Status422UnprocessableEntity),
    };

    public static IResult Invalid(FieldErrors errors) => From(Problem.Invalid(errors));

    private static IResult Validation(Problem p, int status) => Results.ValidationProblem(p.Errors, title: p.Title, statusCode: status);
}
