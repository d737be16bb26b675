using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Surges;

/// <summary>What a surge's reactions do to one of its tickets, pure: each is decided from the ticket's state, so a retry adds nothing.</summary>
public static class SurgeTicketDecisions
{
    public const string LinkField = SurgeTicket.ProblemField;
    public const string ProblemTicketField = "problemTicketId";

    /// <summary>The author (and actor) of a surge's notice: a ticket holding a message by it was told already.</summary>
    public static string Author(Guid surgeId) => $"surge:{surgeId:D}";

    /// <summary>The incident names its surge and, when there is one, the parent problem ticket; null when it does already or is closed.</summary>
    public static FieldsChanged? Link(TicketState state, Guid surgeId, Guid? problemTicketId, DateTimeOffset now)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { [LinkField] = surgeId.ToString("D") };
        if (problemTicketId is { } problem)
        {
            fields[ProblemTicketField] = problem.ToString("D");
        }

        var set = fields.Where(f => state.Fields.GetValueOrDefault(f.Key) != f.Value).ToDictionary(StringComparer.Ordinal);
        return set.Count == 0 || state.Status == TicketStatus.Closed ? null : new FieldsChanged(set, Author(surgeId), now);
    }

    /// <summary>
    /// The notice as a public reply, which goes to the customer through the channel they last wrote on like an agent's;
    /// null when the ticket is no longer open, was told already, or the shop wrote no text.
    /// </summary>
    public static MessageAdded? Notice(TicketState state, Guid surgeId, IReadOnlyDictionary<string, string> notice, DateTimeOffset now)
    {
        var author = Author(surgeId);
        if (!TicketStatus.IsActive(state.Status) || Noticed(state, surgeId) || SurgeSettings.NoticeFor(notice, state.Subject) is not { } body)
        {
            return null;
        }

        return new MessageAdded(author, body, false, now, author, Reply: ReplyRoutes.For(state, author, isInternal: false));
    }

    public static bool Noticed(TicketState state, Guid surgeId) => state.Messages.Any(m => m.Author == Author(surgeId));
}
