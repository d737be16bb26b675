using TicketGrains.Grains.Metering;

namespace TicketGrains.Api.Metering;

/// <summary>The JSON of GET /api/v1/usage: one item per period, in order.</summary>
public sealed record UsageReport(DateTimeOffset From, DateTimeOffset To, string Granularity, IReadOnlyList<UsageReport.Item> Items)
{
    public sealed record Item(
        DateTimeOffset Start, DateTimeOffset End, long Tickets, long Messages, long ActiveSeats, long AutomationRuns, long WebhookDeliveries, long StorageBytes);

    public static UsageReport Of(UsageRequest request, IReadOnlyList<UsagePeriod> periods) => new(request.From, request.To, request.Granularity,
        [.. periods.Select(p => new Item(p.Start, request.Granularity == UsageGranularity.Hour ? p.Start.AddHours(1) : p.Start.AddDays(1),
            p.Tickets, p.Messages, p.ActiveSeats, p.AutomationRuns, p.WebhookDeliveries, p.StorageBytes))]);
}
