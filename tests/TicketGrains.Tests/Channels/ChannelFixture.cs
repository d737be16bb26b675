using System.Text;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Tests.Channels;

/// <summary>
/// A raw platform request written as a file: a first line "METHOD [?query]", header lines "Name: value", a blank line,
/// then the body exactly as the platform sends it. The word SIGN in the query or a header is replaced by the signature
/// the test computes over the request, so one fixture serves any secret.
/// </summary>
public static class ChannelFixture
{
    public const string SignaturePlaceholder = "SIGN";

    public static string PathOf(string platform, string name) => Path.Combine(AppContext.BaseDirectory, "Channels", platform, "Fixtures", name);

    /// <summary>
    /// The fixture as a request received at <paramref name="receivedAt"/>, its text first passed through
    /// <paramref name="rewrite"/> when given (an end-to-end test moves the fixture's times to now and its ids to fresh ones).
    /// </summary>
    public static InboundRequest Load(string platform, string name, DateTimeOffset receivedAt, Func<InboundRequest, string> sign, Func<string, string>? rewrite = null)
    {
        var text = File.ReadAllText(PathOf(platform, name));
        var (method, query, headers, body) = Parse(rewrite is null ? text : rewrite(text));
        var unsigned = new InboundRequest(method, query, headers, Encoding.UTF8.GetBytes(body), receivedAt);
        var signature = sign(unsigned);
        return unsigned with
        {
            Query = query.ToDictionary(p => p.Key, p => p.Value.Replace(SignaturePlaceholder, signature, StringComparison.Ordinal)),
            Headers = new Dictionary<string, string>(
                headers.Select(p => KeyValuePair.Create(p.Key, p.Value.Replace(SignaturePlaceholder, signature, StringComparison.Ordinal))),
                StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>A rewrite that puts a UTF-8 byte order mark before the fixture's body (some relays add one).</summary>
    public static string WithByteOrderMark(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lines.Insert(lines.IndexOf("\n\n", StringComparison.Ordinal) + 2, "\uFEFF");
    }

    private static (string Method, Dictionary<string, string> Query, Dictionary<string, string> Headers, string Body) Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var first = lines[0].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var query = first.Length > 1
            ? first[1].TrimStart('?').Split('&').Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.ElementAtOrDefault(1) ?? ""))
            : [];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var at = 1;
        for (; at < lines.Length && lines[at].Length > 0; at++)
        {
            var parts = lines[at].Split(':', 2);
            headers[parts[0].Trim()] = parts[1].Trim();
        }

        return (first[0], query, headers, string.Join('\n', lines.Skip(at + 1)).TrimEnd('\n'));
    }
}
