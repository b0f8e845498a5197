using Microsoft.Extensions.Logging;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>A logger provider that keeps every record (event id, category, the message as written), to check what is logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly List<(int EventId, string Category, LogLevel Level, string Message)> _records = [];

    /// <summary>Everything logged so far.</summary>
    public IReadOnlyList<(int EventId, string Category, LogLevel Level, string Message)> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._records)
            {
                owner._records.Add((eventId.Id, category, logLevel, formatter(state, exception)));
            }
        }
    }
}
