namespace TicketGrains.Grains.Surges;

/// <summary>
/// What a shop does when a surge starts, each off until it turns it on: open a parent "problem" ticket linking the
/// incidents, send one notice (<see cref="Notice"/>, text per language: <c>zh</c>, <c>en</c>) to each customer with an
/// affected open order, and route the category's new tickets to <see cref="SurgeQueue"/> while the surge lasts.
/// </summary>
public sealed record SurgeSettings(bool OpenProblemTicket, bool NotifyCustomers, IReadOnlyDictionary<string, string> Notice, string? SurgeQueue)
{
    public static IReadOnlyList<string> Languages { get; } = ["zh", "en"];

    public static SurgeSettings Off { get; } = new(false, false, new Dictionary<string, string>(), null);

    /// <summary>
    /// The notice in the customer's language: Chinese when the ticket's subject has Chinese characters, English otherwise,
    /// the other language when the shop wrote only one.
    /// </summary>
    public static string? NoticeFor(IReadOnlyDictionary<string, string> notice, string subject)
    {
        var language = subject.Any(c => c is >= '\u4e00' and <= '\u9fff') ? "zh" : "en";
        return notice.TryGetValue(language, out var text) ? text : notice.Values.FirstOrDefault();
    }
}
