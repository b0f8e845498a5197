namespace FleetPool.Core.Import;

/// <summary>One problem in an import file: the line (1 = header), the column and what is wrong.</summary>
public sealed record ImportError(int Line, string Field, string Message);

/// <summary>
/// The outcome of an import or its dry run. Invariant: when <see cref="Errors"/> is non-empty nothing was imported
/// (<see cref="Imported"/> is 0); a dry run never imports.
/// </summary>
public sealed record ImportResult(bool DryRun, int Rows, int Imported, IReadOnlyList<ImportError> Errors)
{
    /// <summary>True when every line is good.</summary>
    public bool Ok => Errors.Count == 0;
}
