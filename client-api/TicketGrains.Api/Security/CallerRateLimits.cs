using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TicketGrains.Api.Security;

/// <summary>Fixed-window limits per tenant and per caller, chained; a refused request gets 429 ProblemDetails with Retry-After.</summary>
public static class CallerRateLimits
{
    public static IServiceCollection AddCallerRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        if (limits.PerTenant < 1 || limits.PerCaller < 1 || limits.Window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("RateLimits:PerTenant and PerCaller must be at least 1 and RateLimits:Window positive.");
        }

        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partition(limits.PerTenant, limits.Window, c => c.User.FindFirst(Claims.Tenant)?.Value),
                Partition(limits.PerCaller, limits.Window, c => c.User.FindFirst(Claims.Subject)?.Value is { } subject
                    ? c.User.FindFirst(Claims.Tenant)?.Value + "/" + subject
                    : null));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
    }

    /// <summary>Anonymous requests (health, documents) have no partition key and are not limited here.</summary>
    private static PartitionedRateLimiter<HttpContext> Partition(int permits, TimeSpan window, Func<HttpContext, string?> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => key(context) is { } partition
            ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<AuthorizationProblems>();
        await problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.",
            $"The rate limit of this tenant or caller is reached; retry after {seconds} s.", null);
    }
}
