using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Text;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// Readable text from an HTML-only mail: the words an agent would see, one line per block element, without scripts,
/// styles or markup. Not a renderer: tables become lines, links keep their text.
/// </summary>
public static partial class HtmlText
{
    /// <summary>Blocks set apart by a blank line, before and after.</summary>
    private static readonly HashSet<HtmlTagId> Paragraphs =
    [
        HtmlTagId.P, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.BlockQuote,
        HtmlTagId.Pre, HtmlTagId.Table, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.HR,
    ];

    /// <summary>Elements that start a new line.</summary>
    private static readonly HashSet<HtmlTagId> Lines = [HtmlTagId.Br, HtmlTagId.Div, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.DT, HtmlTagId.DD];

    /// <summary>Table cells: kept apart by a space on their row.</summary>
    private static readonly HashSet<HtmlTagId> Cells = [HtmlTagId.TD, HtmlTagId.TH];

    private static readonly HashSet<HtmlTagId> Invisible = [HtmlTagId.Script, HtmlTagId.Style, HtmlTagId.Head];

    public static string From(string html)
    {
        var text = new StringBuilder();
        var hidden = 0;
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when Invisible.Contains(tag.Id) && !tag.IsEmptyElement:
                    hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagToken tag when Paragraphs.Contains(tag.Id):
                    text.Append("\n\n");
                    break;
                case HtmlTagToken tag when !tag.IsEndTag && Lines.Contains(tag.Id):
                    text.Append('\n');
                    break;
                case HtmlTagToken tag when !tag.IsEndTag && Cells.Contains(tag.Id):
                    text.Append(' ');
                    break;
                case HtmlDataToken data when hidden == 0:
                    text.Append(Spaces().Replace(data.Data, " "));
                    break;
            }
        }

        return Tidy(text.ToString());
    }

    /// <summary>Spaces trimmed off each line, and runs of blank lines cut to one.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(line => line.Trim());
        return BlankRuns().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"[ \t\r\n\f\u00a0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}
