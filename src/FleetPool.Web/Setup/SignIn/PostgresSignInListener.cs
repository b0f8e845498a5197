using Microsoft.Extensions.Options;
using Npgsql;

namespace FleetPool.Web.Setup.SignIn;

/// <summary>
/// On PostgreSQL, keeps one connection listening on <see cref="Channel"/>, where a trigger on the users table announces
/// every committed change to a user's active flag or security stamp (any instance, any writer); each drops the user from
/// this instance's <see cref="SignInStates"/>. While not listening the cache is not used, and on (re)connecting it starts
/// empty, since changes may have been missed meanwhile.
/// </summary>
public sealed partial class PostgresSignInListener(SignInStates states, IOptions<DatabaseOptions> database, ILogger<PostgresSignInListener> log) : BackgroundService
{
    /// <summary>The channel the migration's trigger notifies, with the user's id as payload.</summary>
    public const string Channel = "fleetpool_signin";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.Value.IsPostgres)
        {
            return;
        }
        // Its own connection, never returned to the pool with LISTEN still on; keepalive notices a dead server.
        var connectionString = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) =>
                {
                    if (int.TryParse(e.Payload, System.Globalization.CultureInfo.InvariantCulture, out var id))
                    {
                        states.Forget(id);
                    }
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                states.SetComplete(true);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever broke the connection, the instance carries on checking against the database (an exception
                // escaping a background service would stop the host).
                states.SetComplete(false);
                ListenerLost(log, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                states.SetComplete(false);
            }
        }
    }

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Sign-in change listener lost its connection ({Reason}); sign-ins are checked against the database until it is back")]
    private static partial void ListenerLost(ILogger logger, string reason);
}
