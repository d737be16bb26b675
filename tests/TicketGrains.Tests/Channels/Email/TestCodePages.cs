using System.Runtime.CompilerServices;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>
/// Tests build and read mail with MimeKit directly, possibly before any product type loads: the code pages must be
/// registered before MimeKit's first charset lookup, whichever test runs first.
/// </summary>
internal static class TestCodePages
{
    [ModuleInitializer]
    internal static void Register() => TicketGrains.Api.Channels.Email.CodePages.Register();
}
