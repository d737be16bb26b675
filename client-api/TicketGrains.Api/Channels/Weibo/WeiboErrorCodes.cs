namespace TicketGrains.Api.Channels.Weibo;

/// <summary>
/// Weibo's error codes a retry can fix: system error (10001), service unavailable (10003), job queue full (10009),
/// and the rate limits (10022, 10023, 10024). Everything else, expired or invalid tokens included (the fan-service
/// token is configured by the shop, not fetched), needs a person and is not retried.
/// </summary>
internal static class WeiboErrorCodes
{
    private static readonly HashSet<long> Transient = [10001, 10003, 10009, 10022, 10023, 10024];

    public static bool IsRetryable(long code) => Transient.Contains(code);
}
