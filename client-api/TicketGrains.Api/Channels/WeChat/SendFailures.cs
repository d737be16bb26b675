using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Grains.Webhooks;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// What a failed WeChat or WeCom send means for the outbound retries. Busy and quota answers pass; a refused token
/// was already fetched again once, so what remains is a configuration the retries cannot fix, like an expired reply
/// window (45015, 95001), an unknown recipient (40003) or a text too long (45002).
/// </summary>
public static class SendFailures
{
    /// <summary>System busy (-1), API frequency or daily quota reached (45009), minute quota reached (45011).</summary>
    private static readonly HashSet<int> RetryableCodes = [-1, 45009, 45011];

    public static async Task<SendOutcome> Guard(Func<Task<SendOutcome>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (WeChatApiException e)
        {
            return SendOutcome.Failed($"errcode {e.ErrorCode}: {e.ErrorMessage}", RetryableCodes.Contains(e.ErrorCode));
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
        {
            return SendOutcome.Failed(refused.Message, retryable: false);
        }
        catch (HttpRequestException e)
        {
            return SendOutcome.Failed(e.Message, retryable: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Failed("The platform did not answer in time.", retryable: true);
        }
    }
}
