using System.Globalization;
using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Metering;

/// <summary>Refuses a route's request with 429 while the caller's tenant is over the hard quota of a measure (<see cref="QuotaGate"/>).</summary>
public static class QuotaEndpoints
{
    public static RouteHandlerBuilder WithinQuota(this RouteHandlerBuilder builder, string measure) =>
        builder.ProducesProblem(StatusCodes.Status429TooManyRequests).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (http.RequestServices.GetRequiredService<QuotaGate>().Refusal(Tenant.Of(http), measure, now) is not { } over)
            {
                return await next(context);
            }

            var seconds = Math.Max(1, (long)Math.Ceiling((over.PeriodEnd - now).TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Quota reached.",
                detail: $"The plan's hard quota {over.Quota} ({over.Limit}) is reached until {over.PeriodEnd:O}.",
                extensions: new Dictionary<string, object?> { ["quota"] = over.Quota, ["limit"] = over.Limit, ["periodEnd"] = over.PeriodEnd });
        });
}
