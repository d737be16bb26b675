namespace TicketGrains.Api.Channels.WeChat;

/// <summary>An access token as the platform issued it, with its lifetime (expires_in).</summary>
public sealed record IssuedToken(string Token, TimeSpan ExpiresIn);
