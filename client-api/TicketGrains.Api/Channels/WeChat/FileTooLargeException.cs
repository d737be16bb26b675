namespace TicketGrains.Api.Channels.WeChat;

/// <summary>A platform's file is larger than any attachment may be: refused before it is read whole.</summary>
public sealed class FileTooLargeException(long maxBytes) : Exception($"The platform's file is larger than {maxBytes} bytes, the most any attachment may be.");
