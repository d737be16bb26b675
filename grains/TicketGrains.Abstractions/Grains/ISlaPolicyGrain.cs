using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// One per tenant: its SLA policies and calendars, loaded from PostgreSQL once per activation and kept in memory, so
/// choosing a new ticket's plan costs no database call and a PUT applies cluster-wide to the next ticket created.
/// </summary>
[Alias("TicketGrains.ISlaPolicyGrain")]
public interface ISlaPolicyGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces a policy (validated by the caller); an InvalidFieldException "/calendar" when its calendar is unknown.</summary>
    [Alias("PutPolicy")]
    Task<SlaDocumentEntry<SlaPolicyDocument>> PutPolicyAsync(string name, SlaPolicyDocument policy, string actor);

    /// <summary>Creates or replaces a calendar (validated by the caller).</summary>
    [Alias("PutCalendar")]
    Task<SlaDocumentEntry<CalendarDocument>> PutCalendarAsync(string name, CalendarDocument calendar, string actor);

    [Alias("GetPolicy"), ReadOnly]
    Task<SlaDocumentEntry<SlaPolicyDocument>?> GetPolicyAsync(string name);

    /// <summary>Every policy in the order they are tried.</summary>
    [Alias("ListPolicies"), ReadOnly]
    Task<IReadOnlyList<SlaDocumentEntry<SlaPolicyDocument>>> ListPoliciesAsync();

    [Alias("GetCalendar"), ReadOnly]
    Task<SlaDocumentEntry<CalendarDocument>?> GetCalendarAsync(string name);

    [Alias("ListCalendars"), ReadOnly]
    Task<IReadOnlyList<SlaDocumentEntry<CalendarDocument>>> ListCalendarsAsync();

    /// <summary>The plan of a new ticket: the first matching policy's targets for its priority, else the configured default.</summary>
    [Alias("PlanFor"), ReadOnly]
    Task<SlaPlan> PlanForAsync(SlaTicketFacts ticket);
}
