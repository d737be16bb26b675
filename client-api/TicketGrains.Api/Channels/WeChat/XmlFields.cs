using System.Globalization;
using System.Text;
using System.Xml;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// The children of a WeChat XML document's root element by name, with their text (CDATA included). WeChat's pushes
/// are flat, so this is all an adapter reads. Parsing refuses DTDs (no entity can be declared, so none is expanded or
/// fetched) and names the element it was inside when the document broke.
/// </summary>
public sealed class XmlFields
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 4L * 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly Dictionary<string, string> _values;

    private XmlFields(Dictionary<string, string> values) => _values = values;

    public static XmlFields Parse(byte[] body) => Parse(Decode(body));

    public static XmlFields Parse(string xml)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new Stack<string>();
        var text = new StringBuilder();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            while (reader.Read())
            {
                Read(reader, open, text, values);
            }
        }
        catch (XmlException e)
        {
            throw InboundRefusal.Malformed(open.TryPeek(out var element) ? element : "xml", $"The XML body is malformed: {e.Message}");
        }

        return new XmlFields(values);
    }

    private static void Read(XmlReader reader, Stack<string> open, StringBuilder text, Dictionary<string, string> values)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element when open.Count == 0 && reader.Name != "xml":
                throw InboundRefusal.Malformed("xml", $"The root element is <{reader.Name}>, not <xml>.");
            case XmlNodeType.Element when open.Count == 1 && reader.IsEmptyElement:
                values.TryAdd(reader.Name, "");
                break;
            case XmlNodeType.Element when !reader.IsEmptyElement:
                open.Push(reader.Name);
                text.Clear();
                break;
            case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when open.Count == 2:
                text.Append(reader.Value);
                break;
            case XmlNodeType.EndElement:
                if (open.Count == 2)
                {
                    values.TryAdd(open.Peek(), text.ToString());
                }

                open.Pop();
                break;
        }
    }

    private static string Decode(byte[] body)
    {
        try
        {
            return StrictUtf8.GetString(ByteOrderMark.Skipped(body).Span);
        }
        catch (DecoderFallbackException)
        {
            throw InboundRefusal.Malformed("xml", "The body is not UTF-8.");
        }
    }

    public string? Optional(string element) => _values.TryGetValue(element, out var value) && value.Length > 0 ? value : null;

    public string Required(string element) =>
        Optional(element) ?? throw InboundRefusal.Malformed(element, $"The element <{element}> is missing or empty.");

    /// <summary>
    /// An identifier or name (MsgType, Event, FromUserName, MsgId …) without the white space a pretty-printed push puts
    /// around a value written without CDATA; message text is never trimmed.
    /// </summary>
    public string RequiredName(string element) =>
        Optional(element)?.Trim() is { Length: > 0 } name ? name : throw InboundRefusal.Malformed(element, $"The element <{element}> is missing or empty.");

    /// <summary>The first of the given spellings present (WeChat's field tables and examples differ in case: MsgId, MsgID).</summary>
    public string? OptionalName(params string[] spellings) =>
        spellings.Select(Optional).FirstOrDefault(value => value is not null)?.Trim() is { Length: > 0 } name ? name : null;

    public long RequiredInteger(string element) =>
        long.TryParse(Required(element), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out var value)
            ? value
            : throw InboundRefusal.Malformed(element, $"<{element}> is not an integer.");

    /// <summary>An integer element holding seconds since 1970 (CreateTime), within what a DateTimeOffset can hold.</summary>
    public long RequiredUnixSeconds(string element) =>
        RequiredInteger(element) is var seconds and >= 0 and <= 253402300799
            ? seconds
            : throw InboundRefusal.Malformed(element, $"<{element}> is not a time in seconds since 1970.");

    public double RequiredNumber(string element) =>
        OptionalNumber(element) ?? throw InboundRefusal.Malformed(element, $"The element <{element}> is missing or empty.");

    public double? OptionalNumber(string element)
    {
        var text = Optional(element);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw InboundRefusal.Malformed(element, $"<{element}> is not a number.");
    }
}
