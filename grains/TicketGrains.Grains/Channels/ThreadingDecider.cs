using System.Globalization;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Decides whether an inbound message joins one of its customer's tickets or opens a new one, by the channel's
/// <see cref="ThreadingRule"/>: candidates are the customer's open tickets on the same channel heard from within the
/// window; the rules of <see cref="ThreadingRule.JoinOn"/> are tried in order, and among the tickets a rule matches the
/// one the customer wrote on last wins. Pure: the caller gives the message's time.
/// </summary>
public static class ThreadingDecider
{
    public static ThreadingDecision Decide(
        ThreadingRule rule, Guid channelId, string threadKeyHash, string? orderNo, DateTimeOffset at, IReadOnlyList<TicketThreadFacts> tickets)
    {
        var window = rule.Window;
        var candidates = tickets
            .Where(t => t.Open && t.ChannelId == channelId && (at - t.LastCustomerMessageAt).Duration() <= window)
            .OrderByDescending(t => t.LastCustomerMessageAt).ThenBy(t => t.TicketId)
            .ToList();
        foreach (var name in rule.JoinOn)
        {
            var match = name switch
            {
                ThreadingRule.Thread => candidates.FirstOrDefault(t => t.ThreadKeyHashes.Contains(threadKeyHash)),
                ThreadingRule.Order when orderNo is not null => candidates.FirstOrDefault(t => t.OrderNo == orderNo),
                _ => null,
            };
            if (match is not null)
            {
                return new ThreadingDecision(match.TicketId, name, Joined(name, at - match.LastCustomerMessageAt, rule.WindowHours));
            }
        }

        return new ThreadingDecision(null, ThreadingRule.New, Opened(rule, orderNo is not null));
    }

    private static string Joined(string rule, TimeSpan since, int windowHours)
    {
        var what = rule == ThreadingRule.Thread ? "the same conversation" : "the same order number";
        var ago = since < TimeSpan.Zero ? "just before" : string.Create(CultureInfo.InvariantCulture, $"{since.TotalMinutes:0} min ago");
        return $"{what} as this open ticket on the same channel, where the customer last wrote {ago} (window {windowHours} h)";
    }

    private static string Opened(ThreadingRule rule, bool hasOrderNo)
    {
        if (rule.JoinOn.Count == 0)
        {
            return "the channel's threading joins no messages: each opens a ticket";
        }

        var rules = string.Join(" or ", rule.JoinOn.Select(r => r == ThreadingRule.Thread ? "conversation"
            : hasOrderNo ? "order number" : "order number (none in the message)"));
        return $"no open ticket of the customer on this channel shares its {rules} within {rule.WindowHours} h";
    }
}
