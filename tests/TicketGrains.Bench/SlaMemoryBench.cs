using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Bench;

/// <summary>
/// Memory an open ticket's SLA clocks take when its ticket is in memory: many tickets, each folded
/// from its own deserialized TicketCreated (so none shares its plan with another, as after a reload), under a plan with
/// all six metrics in business hours on a calendar with holidays.
/// </summary>
public static class SlaMemoryBench
{
    public sealed record Result(int Tickets, double BytesPerTicketState, double BytesPerClockSet, double ClocksPerTicket);

    public static Result Run(int count)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var states = new TicketState[count];
        var at = new DateTimeOffset(2026, 9, 29, 2, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var command = Command(i);
            var routed = TicketRouted.From(RoutingEngine.Route(BuiltInRouting.Rules, RoutingInput.From(command, at)), command.Priority, at);
            var created = TicketDecisions.Create(Guid.NewGuid(), command, routed, Plan, at.AddSeconds(i));
            var stored = EventSerializer.Deserialize(nameof(TicketCreated), EventSerializer.Serialize(created));
            states[i] = new TicketState();
            states[i].Apply(stored);
        }

        var withStates = GC.GetTotalMemory(forceFullCollection: true);
        var clocks = states.Select(s => s.Sla).ToArray();
        var clockCount = clocks.Sum(c => c.Clocks.Count);
        Array.Clear(states);
        var withClocksOnly = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(clocks);
        return new Result(count, (withStates - baseline) / (double)count, (withClocksOnly - baseline) / (double)count, clockCount / (double)count);
    }

    private static readonly SlaPlan Plan = new()
    {
        Policy = "office",
        Version = 1,
        Calendar = new CalendarDocument
        {
            TimeZone = "Asia/Shanghai",
            WeeklyHours = [.. new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(d => new WorkingHours { Day = d, Start = "09:00", End = "18:00" })],
            Holidays = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2027-01-01", "2027-02-16", "2027-02-17"],
        },
        Targets = [.. SlaMetrics.All.Select(m => new SlaPlanTarget(m, 4 * 3600, BusinessHours: true))],
        WarnBeforeSeconds = 900,
        Escalation = new SlaEscalation { RaisePriority = true, Queue = "escalations", Notify = "lead-1" },
    };

    private static CreateTicket Command(int i) => new()
    {
        Channel = "web",
        CustomerId = Guid.NewGuid(),
        CustomerTier = "regular",
        Subject = "Where is my parcel " + i,
        Body = "Ordered last week, nothing arrived. Order " + i,
        Category = "logistics",
        Priority = "normal",
        Fields = new Dictionary<string, string> { ["orderNo"] = "2026-" + i },
        RequestHash = "h" + i,
    };
}
