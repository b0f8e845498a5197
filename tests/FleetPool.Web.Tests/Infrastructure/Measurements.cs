namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>Figures (not verdicts) a test writes for CI to print: one line each in measurements.txt beside the test binary.</summary>
public static class Measurements
{
    private static readonly Lock Gate = new();

    public static void Add(string line)
    {
        lock (Gate)
        {
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "measurements.txt"), line + Environment.NewLine);
        }
    }
}
