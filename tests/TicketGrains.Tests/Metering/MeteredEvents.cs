using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Tests.Metering;

/// <summary>Committed events as the pipeline delivers them, for the meter's pure classes.</summary>
internal static class MeteredEvents
{
    public static readonly DateTimeOffset TenPast = new(2026, 11, 11, 0, 10, 0, TimeSpan.Zero);

    public static CommittedEvent Event(long position, string type, string data = "{}", string tenant = "shop-a",
        string stream = "ticket-1", int version = 1, DateTimeOffset? at = null, ulong transaction = 7) =>
        new(transaction, position, tenant, stream, version, type, data, at ?? TenPast);
}
