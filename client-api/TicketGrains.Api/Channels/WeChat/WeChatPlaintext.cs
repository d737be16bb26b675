namespace TicketGrains.Api.Channels.WeChat;

/// <summary>A decrypted message and the id of the account it was encrypted for (AppID or CorpID).</summary>
public sealed record WeChatPlaintext(string Message, string ReceiverId);
