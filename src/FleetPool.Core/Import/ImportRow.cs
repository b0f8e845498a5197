using System.Globalization;
using FleetPool.Core.Common;
using NodaTime;
using NodaTime.Text;

namespace FleetPool.Core.Import;

/// <summary>
/// One data line of an import file. Every reader returns null for an empty cell and, for a cell it cannot read,
/// records an <see cref="ImportError"/> naming the line and column and returns null.
/// </summary>
public sealed class ImportRow(int line, Func<string, string?> cell)
{
    private readonly List<ImportError> _errors = [];

    /// <summary>The line in the file (1 is the header).</summary>
    public int Line => line;

    /// <summary>The problems found on this line so far.</summary>
    public IReadOnlyList<ImportError> Errors => _errors;

    /// <summary>Records a problem with a column.</summary>
    public void Fail(string column, string message) => _errors.Add(new ImportError(line, column, message));

    /// <summary>True when a problem has been recorded for the column.</summary>
    public bool HasError(string column) => _errors.Exists(e => e.Field == column);

    /// <summary>The trimmed text of a cell, or null when blank or absent.</summary>
    public string? Text(string column) => cell(column) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>A required cell's text; records "required" when blank.</summary>
    public string? Required(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            Fail(column, Common.Text.Get("Required"));
        }
        return text;
    }

    /// <summary>A whole number.</summary>
    public int? Number(string column) => Parse<int>(column, t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null, "ImportNotNumber");

    /// <summary>A decimal number; a decimal comma (Swedish Excel) is read like a point.</summary>
    public double? Decimal(string column) =>
        Parse<double>(column, t => double.TryParse(t.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : (double?)null, "ImportNotDecimal");

    /// <summary>An ISO date (yyyy-MM-dd).</summary>
    public LocalDate? Date(string column) => Parse<LocalDate>(column, t => LocalDatePattern.Iso.Parse(t) is { Success: true } ok ? ok.Value : (LocalDate?)null, "ImportNotDate");

    /// <summary>A time of day (HH:mm).</summary>
    public LocalTime? Time(string column) =>
        Parse<LocalTime>(column, t => LocalTimePattern.CreateWithInvariantCulture("H:mm").Parse(t) is { Success: true } ok ? ok.Value : (LocalTime?)null, "ImportNotTime");

    /// <summary>Yes or no, in Swedish or English (ja/nej, yes/no, true/false, 1/0).</summary>
    public bool? YesNo(string column) => Parse<bool>(column, t => t.ToLowerInvariant() switch
    {
        "ja" or "yes" or "true" or "1" or "j" or "y" => true,
        "nej" or "no" or "false" or "0" or "n" => (bool?)false,
        _ => null,
    }, "ImportNotYesNo");

    /// <summary>A value from a fixed vocabulary; spaces and hyphens in the cell are ignored.</summary>
    public T? OneOf<T>(string column, IReadOnlyDictionary<string, T> map) where T : struct =>
        Parse<T>(column, t => map.TryGetValue(t.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), out var v) ? v : (T?)null,
            "ImportUnknown");

    /// <summary>The id of a named thing that must exist; records <paramref name="unknownKey"/> when it does not.</summary>
    public int? Named(string column, IReadOnlyDictionary<string, int> map, string unknownKey)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (map.TryGetValue(text, out var id))
        {
            return id;
        }
        Fail(column, Common.Text.Get(unknownKey));
        return null;
    }

    /// <summary>Adds a validator's field errors under the file's column names, unless the column already has one.</summary>
    public void AddValidation(FieldErrors errors, Func<string, string>? column = null)
    {
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var name = column?.Invoke(field) ?? field;
            if (!HasError(name))
            {
                _errors.AddRange(messages.Select(m => new ImportError(line, name, m)));
            }
        }
    }

    private T? Parse<T>(string column, Func<string, T?> parse, string errorKey) where T : struct
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (parse(text) is { } value)
        {
            return value;
        }
        Fail(column, Common.Text.Get(errorKey, text));
        return null;
    }
}
