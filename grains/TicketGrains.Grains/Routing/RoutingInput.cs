using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Routing;

/// <summary>What routing looks at in a new ticket.</summary>
public sealed record RoutingInput(
    string Category, string Tier, string Channel, string Language, string Subject, string Body, IReadOnlyDictionary<string, string> Fields, DateTimeOffset At)
{
    public static RoutingInput From(CreateTicket ticket, DateTimeOffset at) => new(
        ticket.Category, ticket.CustomerTier, ticket.Channel, LanguageOf(ticket), ticket.Subject, ticket.Body, ticket.Fields, at);

    /// <summary>A "language" field when the caller sent one; otherwise "zh" for text with CJK characters, else "en".</summary>
    private static string LanguageOf(CreateTicket ticket) =>
        ticket.Fields.TryGetValue("language", out var language) ? language
        : ticket.Subject.Concat(ticket.Body).Any(c => c is >= '\u4e00' and <= '\u9fff') ? "zh" : "en";
}
