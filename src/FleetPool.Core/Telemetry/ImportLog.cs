using Microsoft.Extensions.Logging;

namespace FleetPool.Core.Telemetry;

/// <summary>Import log events: what kind, how many lines, imported and refused, by whom (ids and counts only, never file content).</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Import {Kind} by user {UserId}: {Rows} lines, {Imported} imported (dry run: {DryRun})")]
    public static partial void Imported(ILogger logger, string kind, int userId, int rows, int imported, bool dryRun);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Import {Kind} by user {UserId} refused: {Rows} lines, {Errors} errors, nothing written (dry run: {DryRun})")]
    public static partial void Refused(ILogger logger, string kind, int userId, int rows, int errors, bool dryRun);

    /// <summary>Logs a finished run as imported or refused.</summary>
    public static void Finished(ILogger logger, string kind, int userId, int rows, int imported, int errors, bool dryRun)
    {
        if (errors == 0)
        {
            Imported(logger, kind, userId, rows, imported, dryRun);
        }
        else
        {
            Refused(logger, kind, userId, rows, errors, dryRun);
        }
    }
}
