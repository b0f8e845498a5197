using FleetPool.Core.Common;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Web.Components.Shared;

/// <summary>
/// A form's field errors from a Core <see cref="Problem"/>. <see cref="Attempt"/> goes up on every submit so fields can be
/// re-keyed with it: MudBlazor inputs keep their own error state once edited and would otherwise hide a new message.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    /// <summary>Submits so far; use in <c>@key</c> of fields that show errors.</summary>
    public int Attempt { get; private set; }

    /// <summary>True when the field has an error.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>The field's message, or null.</summary>
    public string? Of(string field) => _errors.GetValueOrDefault(field);

    /// <summary>Starts a new attempt with no errors.</summary>
    public void Begin()
    {
        Attempt++;
        _errors.Clear();
    }

    /// <summary>Removes one field's message: the person has changed the field since.</summary>
    public void Clear(string field) => _errors.Remove(field);

    /// <summary>The first of <paramref name="fields"/> that has an error, in the order given (the order of the form).</summary>
    public string? FirstOf(params string[] fields) => fields.FirstOrDefault(_errors.ContainsKey);

    /// <summary>Sets one field's message.</summary>
    public void Set(string field, string message) => _errors[field] = message;

    /// <summary>Puts the problem's errors on the given fields (all when none are named); returns the rest, joined.</summary>
    public string? Take(Problem problem, params string[] fields)
    {
        var rest = new List<string>();
        foreach (var (field, messages) in problem.Errors)
        {
            if (fields.Length == 0 || fields.Contains(field))
            {
                _errors[field] = string.Join(" ", messages);
            }
            else
            {
                rest.AddRange(messages);
            }
        }
        return rest.Count > 0 ? string.Join(" ", rest) : problem.Errors.Count == 0 ? problem.Title : null;
    }

    /// <summary>
    /// The instant of a local date and time picked in the form, or null with the field's message set: required when
    /// either is missing, Core's (localised) message when the time falls in a DST gap or the repeated autumn hour.
    /// </summary>
    public Instant? Resolve(OrganisationTime time, DateTime? date, TimeSpan? timeOfDay, string field, string required)
    {
        if (date is null || timeOfDay is null)
        {
            Set(field, required);
            return null;
        }
        var resolved = time.Resolve(LocalDateTime.FromDateTime(date.Value.Date + timeOfDay.Value));
        if (resolved.Error is { } error)
        {
            Set(field, error);
        }
        return resolved.Instant;
    }

    /// <summary>True when no field has an error.</summary>
    public bool IsEmpty => _errors.Count == 0;
}
