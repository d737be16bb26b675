namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>A file the fake platform's media API answers: its bytes, Content-Type and the name its Content-Disposition gives.</summary>
public sealed record PlatformFile(byte[] Content, string ContentType, string FileName);
