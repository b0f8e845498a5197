using FleetPool.Core.Common;
using FleetPool.Core.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace FleetPool.Core.Notifications;

/// <summary>Settings section <c>Smtp</c>: e-mail for notifications; off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Smtp";

    /// <summary>The SMTP server; empty = no e-mail (the in-app inbox only).</summary>
    public string? Host { get; set; }
    /// <summary>Port (587 with STARTTLS by default).</summary>
    public int Port { get; set; } = 587;
    /// <summary>StartTls (default), SslOnConnect or None (a relay on the local network).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    /// <summary>How to sign in: None (an anonymous internal relay), Password, or OAuth2; unset: Password when a user is set, else None.</summary>
    public SmtpAuth? Auth { get; set; }
    /// <summary>User name for Password; the mailbox (e.g. fleetpool@kommun.se) for OAuth2.</summary>
    public string? User { get; set; }
    /// <summary>Password (environment variable or user secrets, never a file).</summary>
    public string? Password { get; set; }
    /// <summary>OAuth2: the token endpoint, e.g. https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token.</summary>
    public string? TokenEndpoint { get; set; }
    /// <summary>OAuth2: the app registration's client id.</summary>
    public string? ClientId { get; set; }
    /// <summary>OAuth2: the client secret (environment variable or user secrets, never a file).</summary>
    public string? ClientSecret { get; set; }
    /// <summary>OAuth2: the scope asked for (Exchange Online's by default).</summary>
    public string Scope { get; set; } = "https://outlook.office365.com/.default";

    /// <summary>The sign-in used: <see cref="Auth"/>, or what the settings imply.</summary>
    public SmtpAuth EffectiveAuth => Auth ?? (string.IsNullOrEmpty(User) ? SmtpAuth.None : SmtpAuth.Password);

    /// <summary>Why these settings cannot send, or null when they can (checked at start, so a broken setup fails loudly).</summary>
    public string? Problem() => string.IsNullOrWhiteSpace(Host) ? null : EffectiveAuth switch
    {
        SmtpAuth.Password when string.IsNullOrEmpty(User) => "Smtp:Auth is Password but Smtp:User is empty.",
        SmtpAuth.OAuth2 when string.IsNullOrEmpty(User) || string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret)
            || !Uri.TryCreate(TokenEndpoint, UriKind.Absolute, out _) => "Smtp:Auth is OAuth2: set Smtp:User (the mailbox), Smtp:TokenEndpoint, Smtp:ClientId and Smtp:ClientSecret.",
        _ => null,
    };
    /// <summary>The sender, e.g. "FleetPool &lt;fleetpool@kommun.se&gt;".</summary>
    public string From { get; set; } = "FleetPool <fleetpool@localhost>";
}

/// <summary>Checks the SMTP settings at start with <see cref="SmtpOptions.Problem"/>'s own message.</summary>
public sealed class SmtpOptionsValidation : IValidateOptions<SmtpOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmtpOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

/// <summary>How FleetPool signs in to the SMTP server.</summary>
public enum SmtpAuth
{
    /// <summary>No sign-in: an internal relay that accepts mail from this server's address.</summary>
    None,
    /// <summary>User name and password (basic authentication).</summary>
    Password,
    /// <summary>OAuth 2.0 (XOAUTH2) with a client-credentials token, as Exchange Online requires.</summary>
    OAuth2,
}

/// <summary>
/// Sends inbox notifications by e-mail when SMTP is configured, in the reader's language. Invariants: a notification is
/// marked as e-mailed once sent and never sent again, so a run cut off half-way resends nothing; notices older than a day,
/// and those of deactivated users, are not mailed; an address the server refuses is passed over (and tried again next
/// run, until the day is out) without holding up the others.
/// </summary>
public sealed class EmailOutbox(IDbContextFactory<FleetPoolDb> dbs, IClock clock, IOptions<SmtpOptions> options, SmtpOAuthTokens tokens,
    ILogger<EmailOutbox> log)
{
    /// <summary>How long a notice may wait for e-mail; after that the inbox alone has it (a late reminder misleads).</summary>
    public static readonly Duration MaxAge = Duration.FromDays(1);

    /// <summary>Sends what is pending; returns how many e-mails went out (0 when SMTP is off).</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return 0;
        }
        var now = clock.GetCurrentInstant();
        var since = now - MaxAge;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var pending = await db.Notifications.Where(n => n.EmailedAt == null && n.At >= since)
            .Join(db.Users.Where(u => u.IsActive && u.Email != null), n => n.UserId, u => u.Id, (n, u) => new { Note = n, u.Email, u.DisplayName, u.Language, u.EmailOff })
            .OrderBy(x => x.Note.At).Take(200).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        switch (smtp.EffectiveAuth)
        {
            case SmtpAuth.Password:
                await client.AuthenticateAsync(smtp.User!, smtp.Password ?? "", ct); // User checked at start (Problem)
                break;
            case SmtpAuth.OAuth2:
                await client.AuthenticateAsync(new SaslMechanismOAuth2(smtp.User!, await tokens.GetAsync(ct)), ct);
                break;
        }
        var sent = 0;
        foreach (var x in pending)
        {
            if (EmailTopics.Of(x.Note.Kind) is { } topic && EmailTopics.Parse(x.EmailOff).Contains(topic))
            {
                x.Note.EmailedAt = clock.GetCurrentInstant(); // handled: the reader turned this topic off (the inbox has it)
                await db.SaveChangesAsync(ct);
                continue;
            }
            // In the language the reader chose (stored by the language switch), Swedish when they never chose.
            var text = NoticeText.Render(Organisation.Languages.CultureOf(x.Language), x.Note.Kind, x.Note.Arguments);
            var message = new MimeMessage { Subject = $"FleetPool: {text}", Body = new TextPart("plain") { Text = text } };
            message.From.Add(MailboxAddress.Parse(smtp.From));
            message.To.Add(new MailboxAddress(x.DisplayName, x.Email!));
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException refused) when (refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
            {
                log.LogWarning("The SMTP server refused the address of user {UserId} ({Status}); notification {NotificationId} stays in the inbox.",
                    x.Note.UserId, refused.StatusCode, x.Note.Id);
                continue;
            }
            x.Note.EmailedAt = clock.GetCurrentInstant();
            await db.SaveChangesAsync(ct); // one by one: a failure half-way leaves the sent ones marked
            sent++;
        }
        await client.DisconnectAsync(true, ct);
        return sent;
    }
}
