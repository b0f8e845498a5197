using FleetPool.Core.Organisation;

namespace FleetPool.Web.Setup;

/// <summary>
/// <c>dotnet run --project src/FleetPool.Web -- create-admin --email a@kommun.se --name "Anna Admin"</c>: migrates the
/// database and creates the first admin. The password comes from FLEETPOOL_ADMIN_PASSWORD or the first line of
/// standard input, never from the command line (it would stay in the shell history).
/// </summary>
public static class CreateAdminCommand
{
    /// <summary>True when the arguments ask for this command.</summary>
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "create-admin";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await app.Services.MigrateAsync();
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? email;
        var password = Environment.GetEnvironmentVariable("FLEETPOOL_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.Write("Password for the first admin: ");
            password = Console.ReadLine();
        }
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateFirstAdminAsync(name, email, password);
        if (outcome.Problem is { } problem)
        {
            var reasons = problem.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}").DefaultIfEmpty(problem.Title);
            Console.Error.WriteLine("Not created. " + string.Join(Environment.NewLine + "  ", reasons));
            return 1;
        }
        Console.WriteLine($"Created admin {email} (user id {outcome.Value}). Sign in at /account/login.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
