namespace FleetPool.Core.Common;

/// <summary>Why a service refused a request; maps one-to-one onto an HTTP status in the Web layer.</summary>
public enum ProblemKind
{
    /// <summary>Malformed or invalid input (a field is missing, out of range or inconsistent).</summary>
    Invalid,
    /// <summary>The caller may not do this (wrong role).</summary>
    Forbidden,
    /// <summary>Unknown id, or one the caller may not see.</summary>
    NotFound,
    /// <summary>The slot overlaps another booking of the same vehicle, buffer included.</summary>
    Conflict,
    /// <summary>Well-formed, but a business rule refuses it.</summary>
    Refused,
}

/// <summary>
/// A refusal with a human-readable title and errors keyed by the camelCase name of the field (or rule) at fault.
/// Invariant: <see cref="Errors"/> is never null; it may be empty only for <see cref="ProblemKind.NotFound"/>
/// and <see cref="ProblemKind.Forbidden"/>.
/// </summary>
public sealed record Problem(ProblemKind Kind, string Title, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>An unknown id, or one the caller may not see (the two are indistinguishable on purpose); <paramref name="what"/> is "Booking", "Vehicle" or "User".</summary>
    public static Problem NotFound(string what) => new(ProblemKind.NotFound, Text.Get("NotFound", Text.Get($"Entity.{what}")), Empty);

    /// <summary>The caller's role does not allow the operation.</summary>
    public static Problem Forbidden() => new(ProblemKind.Forbidden, Text.Get("Forbidden"), Empty);

    /// <summary>Invalid input, from a non-empty set of field errors.</summary>
    public static Problem Invalid(FieldErrors errors) =>
        new(ProblemKind.Invalid, Text.Get("InvalidTitle"), errors.ToDictionary());

    /// <summary>A rule refuses the request.</summary>
    public static Problem Refused(FieldErrors errors) =>
        new(ProblemKind.Refused, Text.Get("RefusedTitle"), errors.ToDictionary());

    /// <summary>Refused for one reason, tied to one field.</summary>
    public static Problem Refused(string field, string message) =>
        Refused(new FieldErrors().Add(field, message));

    /// <summary>The vehicle is already booked for (part of) the slot.</summary>
    public static Problem Conflict(string message) =>
        new(ProblemKind.Conflict, message, new Dictionary<string, string[]> { ["start"] = [message] });

    /// <summary>The first field message, or the title when there is none: one line for a snackbar or a terminal.</summary>
    public string Summary => Errors.Values.SelectMany(m => m).FirstOrDefault() ?? Title;

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}

/// <summary>Either a value or a <see cref="Problem"/>; exactly one of the two is set.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Problem? problem) => (Value, Problem) = (value, problem);

    /// <summary>The result when the operation succeeded.</summary>
    public T? Value { get; }

    /// <summary>Why the operation was refused, or null when it succeeded.</summary>
    public Problem? Problem { get; }

    /// <summary>True when <see cref="Value"/> holds the result.</summary>
    public bool Succeeded => Problem is null;

    /// <summary>A successful outcome.</summary>
    public static Outcome<T> Ok(T value) => new(value, null);

    /// <summary>A refused outcome.</summary>
    public static Outcome<T> Fail(Problem problem) => new(default, problem);

    /// <summary>Lets a service return a <see cref="Problem"/> directly.</summary>
    public static implicit operator Outcome<T>(Problem problem) => Fail(problem);

    /// <summary>Lets a service return its result directly.</summary>
    public static implicit operator Outcome<T>(T value) => Ok(value);
}
