using MimeKit;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// Whether a received mail was written by a machine rather than a person, and what says so: RFC 3834's
/// <c>Auto-Submitted</c> other than <c>no</c>, the older <c>Precedence: bulk | junk | list | auto_reply</c>,
/// <c>X-Autoreply</c> and <c>X-Autorespond</c> (what vacation programs and some servers send instead), or a null
/// reverse-path (<c>MAIL FROM:&lt;&gt;</c>, which RFC 5321 keeps for notifications that must not be answered). Pure.
/// <c>X-Auto-Response-Suppress</c> is not a mark: it is a person's mail asking the receiver not to answer it
/// automatically (Outlook sets it on meeting requests and on mail to lists).
/// </summary>
public static class AutomaticMail
{
    private static readonly string[] AutomaticPrecedence = ["bulk", "junk", "list", "auto_reply"];

    /// <summary>What marks the mail as automatic (<c>Auto-Submitted: auto-replied</c>, ...); null when a person wrote it.</summary>
    public static string? MarkOf(HeaderList headers, bool nullReversePath)
    {
        if (FirstWord(headers["Auto-Submitted"]) is { } submitted && submitted != "no")
        {
            return "Auto-Submitted: " + submitted;
        }

        if (FirstWord(headers["Precedence"]) is { } precedence && AutomaticPrecedence.Contains(precedence))
        {
            return "Precedence: " + precedence;
        }

        foreach (var name in (string[])["X-Autoreply", "X-Autorespond"])
        {
            // Present at all, whatever the value ("yes", a program's name): nobody sets these on mail a person wrote.
            if (headers.Contains(name) && FirstWord(headers[name]) is not ("no" or "false"))
            {
                return name;
            }
        }

        return nullReversePath ? "null reverse-path (MAIL FROM:<>)" : null;
    }

    /// <summary>The value's first word in lower case, without the parameters (<c>; owner-email=…</c>) or comments RFC 3834 allows after it.</summary>
    private static string? FirstWord(string? value)
    {
        var word = value?.Split([';', '(', ' ', '\t', '\r', '\n'], 2, StringSplitOptions.None)[0].Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(word) ? null : word;
    }
}
