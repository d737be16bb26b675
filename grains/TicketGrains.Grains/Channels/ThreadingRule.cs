using System.Text.RegularExpressions;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// How a channel's messages join tickets, part of the channel's settings (<c>threading: {windowHours, joinOn,
/// orderPattern}</c>): a message joins the customer's open ticket on the same channel that shares a rule of
/// <see cref="JoinOn"/> (tried in order: <c>thread</c>, the same conversation; <c>order</c>, the same order number)
/// and heard from the customer within <see cref="WindowHours"/>; else it opens a new ticket.
/// </summary>
public sealed record ThreadingRule(int WindowHours, IReadOnlyList<string> JoinOn, string OrderPattern)
{
    public const string Thread = "thread";
    public const string Order = "order";
    public const string New = "new";
    public const int MaxWindowHours = 24 * 90;

    /// <summary>An order number as shops print them: 8 digits, a dash and a sequence (20261111-42), or 12 to 24 digits.</summary>
    public const string DefaultOrderPattern = @"(?<![0-9])([0-9]{8}-[0-9]{1,6}|[0-9]{12,24})(?![0-9])";

    public static readonly IReadOnlyList<string> Rules = [Thread, Order];

    public static readonly ThreadingRule Default = new(72, Rules, DefaultOrderPattern);

    public TimeSpan Window => TimeSpan.FromHours(WindowHours);

    /// <summary>The first order number in the text, or null.</summary>
    public string? OrderNumberIn(string? text) =>
        text is null ? null : Regex.Match(text, OrderPattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)) is { Success: true } m
            ? (m.Groups.Count > 1 && m.Groups[1].Success ? m.Groups[1].Value : m.Value)
            : null;
}
