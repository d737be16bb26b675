using System.Net;

namespace TicketGrains.Grains.Webhooks;

/// <summary>What one delivery attempt got: a status code (with its Retry-After, if any), or no answer at all.</summary>
public sealed record DeliveryOutcome(int? StatusCode, TimeSpan? RetryAfter, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public bool Gone => StatusCode == (int)HttpStatusCode.Gone;

    public static DeliveryOutcome Answered(int statusCode, TimeSpan? retryAfter = null) => new(statusCode, retryAfter, null);

    public static DeliveryOutcome Failed(string error) => new(null, null, error);

    /// <summary>What the delivery log shows for a failed attempt.</summary>
    public string? Describe() => Succeeded ? null : Error ?? $"HTTP {StatusCode}";
}
