namespace FleetPool.Core.Reporting;

/// <summary>
/// A CSV file that is written when it is sent rather than built first: <see cref="WriteTo"/> reads the database and writes
/// each row to the stream as it comes. Invariant: whoever made it has already checked who may read it and what it covers.
/// </summary>
public sealed record StreamedCsv(Func<Stream, CancellationToken, Task> WriteTo);
