namespace TicketGrains.Tests.Channels.Email;

/// <summary>The raw mails under Fixtures/, written for these tests from RFC 5322, 2045-2047 and 2231 (copied next to the tests).</summary>
internal static class EmailFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Channels", "Email", "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
