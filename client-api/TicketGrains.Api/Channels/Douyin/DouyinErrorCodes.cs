namespace TicketGrains.Api.Channels.Douyin;

/// <summary>
/// How the sender treats Douyin's error codes: a refused token is dropped and the send retried with a fresh one; system
/// errors and rate limits are retried; anything else (bad parameters, no permission, the customer out of reach) is not,
/// since sending the same request again cannot fix it.
/// </summary>
internal static class DouyinErrorCodes
{
    /// <summary>access_token invalid or expired (2190002, 2190008 on the older endpoints; 28001003, 28001008 on the newer).</summary>
    private static readonly HashSet<long> TokenRefused = [2190002, 2190008, 28001003, 28001008];

    /// <summary>System error (-1), token fetched too often (10020), system busy (2100004).</summary>
    private static readonly HashSet<long> Transient = [-1, 10020, 2100004];

    public static bool IsTokenRefused(long code) => TokenRefused.Contains(code);

    public static bool IsRetryable(long code) => TokenRefused.Contains(code) || Transient.Contains(code);
}
