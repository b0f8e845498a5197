namespace FleetPool.Core.Common;

/// <summary>Collects error messages keyed by the camelCase field name, in the order they were found.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no error has been added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Adds a message for a field.</summary>
    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    /// <summary>Adds the message when the condition holds.</summary>
    public FieldErrors AddIf(bool condition, string field, string message) => condition ? Add(field, message) : this;

    /// <summary>Requires a non-blank string of at most <paramref name="maxLength"/> characters.</summary>
    public FieldErrors RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, Text.Get("Required"));
        }
        return OptionalText(value, field, maxLength);
    }

    /// <summary>Allows null, otherwise at most <paramref name="maxLength"/> characters and no control characters.</summary>
    public FieldErrors OptionalText(string? value, string field, int maxLength)
    {
        if (value is null)
        {
            return this;
        }
        AddIf(value.Length > maxLength, field, Text.Get("MaxLength", maxLength));
        return AddIf(value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'), field, Text.Get("NoControlCharacters"));
    }

    /// <summary>Requires a value within [min, max].</summary>
    public FieldErrors Range(double? value, string field, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            Add(field, Text.Get("Between", min, max));
        }
        return this;
    }

    /// <summary>A copy suitable for a <see cref="Problem"/>.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
