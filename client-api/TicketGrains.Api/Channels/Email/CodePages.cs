using System.Runtime.CompilerServices;
using System.Text;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// Makes GBK, GB2312, GB18030, Big5 … known to .NET as soon as this assembly loads. MimeKit remembers which charsets it
/// could not find: registered any later (say, in the reader's static constructor, after a sender or a test touched
/// MimeKit first), Chinese mail decoded as Latin-1 depending on what ran first.
/// </summary>
public static class CodePages
{
    [ModuleInitializer]
    public static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
