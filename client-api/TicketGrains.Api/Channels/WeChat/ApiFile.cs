namespace TicketGrains.Api.Channels.WeChat;

/// <summary>What a WeChat or WeCom media API answered: the file (with the name its Content-Disposition gave), or a video's download address.</summary>
public sealed record ApiFile(string? FileName, byte[] Content, string? VideoUrl);
