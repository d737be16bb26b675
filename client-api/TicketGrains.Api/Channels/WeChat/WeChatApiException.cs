namespace TicketGrains.Api.Channels.WeChat;

/// <summary>A WeChat or WeCom API call answered with an errcode other than 0.</summary>
public sealed class WeChatApiException(int errorCode, string errorMessage)
    : Exception($"The platform answered errcode {errorCode}: {errorMessage}")
{
    public int ErrorCode { get; } = errorCode;

    public string ErrorMessage { get; } = errorMessage;

    /// <summary>The access token was refused (invalid, or expired before our renewal): a fresh one may succeed.</summary>
    public bool TokenRejected => ErrorCode is 40001 or 40014 or 42001;
}
