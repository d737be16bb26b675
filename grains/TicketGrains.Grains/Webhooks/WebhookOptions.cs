using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Webhooks;

/// <summary>The "Webhooks" section: outbound webhook delivery.</summary>
public sealed class WebhookOptions : IValidatableOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Accept URLs that resolve to loopback, private, link-local or other non-public addresses. Off by default: a tenant
    /// could otherwise make the cluster call its own internal services (SSRF). ./run.sh turns it on for local receivers.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long one delivery attempt may take, connecting included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often every silo looks for deliveries whose retry is due (new ones are sent at once, not polled).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive failed attempts after which an endpoint's circuit opens.</summary>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>How long an open circuit sends nothing before one trial attempt.</summary>
    public TimeSpan BreakerOpenFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// TEST ONLY: how many times faster than real time the retry schedule and circuit breaker run (1 in production), so
    /// a test can keep an endpoint down for minutes of schedule in a second. Signature timestamps stay real.
    /// </summary>
    public double ClockRate { get; set; } = 1;

    public IEnumerable<string> Problems(string section)
    {
        if (Timeout < TimeSpan.FromMilliseconds(100) || Timeout > TimeSpan.FromSeconds(30))
        {
            yield return $"{section}:Timeout must be between 00:00:00.100 and 00:00:30, not {Timeout}.";
        }

        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromMinutes(1))
        {
            yield return $"{section}:PollInterval must be between 00:00:00.010 and 00:01:00, not {PollInterval}.";
        }

        if (BreakerFailures is < 1 or > 1000)
        {
            yield return $"{section}:BreakerFailures must be between 1 and 1000, not {BreakerFailures}.";
        }

        if (BreakerOpenFor <= TimeSpan.Zero || BreakerOpenFor > TimeSpan.FromHours(1))
        {
            yield return $"{section}:BreakerOpenFor must be positive and at most 01:00:00, not {BreakerOpenFor}.";
        }

        if (ClockRate is < 1 or > 100_000)
        {
            yield return $"{section}:ClockRate must be between 1 and 100000, not {ClockRate}.";
        }
    }
}
