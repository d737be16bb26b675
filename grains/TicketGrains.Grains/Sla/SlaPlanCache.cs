using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Sla;

/// <summary>
/// One shared instance per distinct plan, and one business calendar per plan. Every ticket reloaded from its log carries
/// its own deserialized copy of its plan (calendar, holidays, targets): about 3.5 KB that thousands of tickets under the
/// same policy version would each hold (docs/benchmarks.md), where a few distinct plans exist per tenant.
/// </summary>
public static class SlaPlanCache
{
    /// <summary>Beyond this many distinct plans the cache starts again, so a stream of one-off plans cannot grow it without end.</summary>
    public const int MaxPlans = 10_000;

    private static readonly ConcurrentDictionary<string, SlaPlan> Plans = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<SlaPlan, BusinessCalendar> Calendars = [];

    public static SlaPlan Shared(SlaPlan plan)
    {
        if (Plans.Count >= MaxPlans)
        {
            Plans.Clear();
        }

        return Plans.GetOrAdd(JsonSerializer.Serialize(plan), plan);
    }

    public static BusinessCalendar? CalendarOf(SlaPlan plan) =>
        plan.Calendar is { } calendar ? Calendars.GetValue(plan, _ => new BusinessCalendar(calendar)) : null;
}
