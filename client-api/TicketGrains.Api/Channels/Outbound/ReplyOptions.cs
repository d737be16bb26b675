using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>The "ChannelReplies" section: how replies to channel customers are attempted and retried.</summary>
public sealed class ReplyOptions : IValidatableOptions
{
    public const string Section = "ChannelReplies";

    /// <summary>The waits before the 2nd, 3rd … attempt when none is configured: about four hours in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2)];

    /// <summary>Attempts in all, the first included; a retryable failure on the last one fails the reply for good.</summary>
    public int Attempts { get; set; } = 8;

    /// <summary>
    /// The wait before each retry, in order; the last one repeats when there are more retries than waits. Empty: the
    /// defaults (5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h; WeChat takes replies for 48 h after the customer's message).
    /// </summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>How often a silo looks for replies whose attempt is due (new ones are sent at once, without waiting for it).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a silo holds a reply it is sending before another may take it: longer than any send may take (platform
    /// calls 10 s, SMTP 30 s). A silo that dies mid-send leaves its replies to others after this.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the given number of failed attempts.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var delays = RetryDelays.Count > 0 ? RetryDelays : DefaultRetryDelays;
        return delays[Math.Clamp(failedAttempts - 1, 0, delays.Count - 1)];
    }

    public IEnumerable<string> Problems(string section)
    {
        if (Attempts is < 1 or > 100)
        {
            yield return $"{section}:Attempts must be between 1 and 100, not {Attempts}.";
        }

        for (var i = 0; i < RetryDelays.Count; i++)
        {
            if (RetryDelays[i] < TimeSpan.FromMilliseconds(10) || RetryDelays[i] > TimeSpan.FromDays(1))
            {
                yield return $"{section}:RetryDelays:{i} must be between 00:00:00.010 and 1.00:00:00, not {RetryDelays[i]}.";
            }
        }

        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromMinutes(1))
        {
            yield return $"{section}:PollInterval must be between 00:00:00.010 and 00:01:00, not {PollInterval}.";
        }

        if (Lease < TimeSpan.FromSeconds(5) || Lease > TimeSpan.FromHours(1))
        {
            yield return $"{section}:Lease must be between 00:00:05 and 01:00:00, not {Lease}.";
        }
    }
}
