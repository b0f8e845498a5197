using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port that speaks just enough of RFC 5321 (no TLS; AUTH PLAIN and XOAUTH2 when asked to
/// offer them) for a client to deliver mail, and keeps what it receives: the e-mail tests go over the wire, through
/// MailKit, with no fake in between.
/// </summary>
public sealed class TinySmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    private readonly bool _offerAuth;
    private readonly Task _loop;

    public TinySmtpServer(bool offerAuth = false)
    {
        _offerAuth = offerAuth;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Each AUTH a client sent: the mechanism and its decoded response.</summary>
    public ConcurrentQueue<(string Mechanism, string Response)> Auth { get; } = new();

    /// <summary>Every message received: the recipients and the raw DATA.</summary>
    public ConcurrentQueue<(List<string> To, string Data)> Received { get; } = new();

    /// <summary>Addresses whose RCPT gets "550 mailbox unavailable", as a server refuses an address it does not know.</summary>
    public ConcurrentDictionary<string, bool> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each refused RCPT's address, in order.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>When set, the connection is cut (no reply) as the message after this many accepted ones is sent: a send
    /// failing half-way. Counted per connection.</summary>
    public int? CutAfterMessages { get; set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 tiny ESMTP");
            var to = new List<string>();
            var accepted = 0;
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync(_offerAuth ? "250-tiny\r\n250-AUTH PLAIN XOAUTH2\r\n250 8BITMIME" : "250-tiny\r\n250 8BITMIME");
                        break;
                    case "AUTH" when _offerAuth:
                        var parts = line.Split(' ');
                        var response = parts.Length > 2 ? parts[2] : null;
                        if (response is null)
                        {
                            await writer.WriteLineAsync("334 ");
                            response = await reader.ReadLineAsync() ?? "";
                        }
                        Auth.Enqueue((parts[1].ToUpperInvariant(), Encoding.UTF8.GetString(Convert.FromBase64String(response))));
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                        if (RefusedRecipients.ContainsKey(address))
                        {
                            Refused.Enqueue(address);
                            await writer.WriteLineAsync("550 5.1.1 mailbox unavailable");
                            break;
                        }
                        to.Add(address);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA" when accepted == CutAfterMessages:
                        return;
                    case "DATA":
                        accepted++;
                        await writer.WriteLineAsync("354 go on");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } body && body != ".")
                        {
                            data.AppendLine(body);
                        }
                        Received.Enqueue((to, data.ToString()));
                        to = [];
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
