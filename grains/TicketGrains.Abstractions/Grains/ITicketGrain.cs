using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>One ticket, keyed "tenant/ticketId". Its state is the fold of its events.</summary>
[Alias("TicketGrains.ITicketGrain")]
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>Opens the ticket; a repeat with the same request returns the ticket as first created.</summary>
    [Alias("Create")]
    Task<TicketView> CreateAsync(CreateTicket command);

    /// <summary>Returns the ticket; throws NotFoundException when it was never created.</summary>
    [Alias("Get")]
    Task<TicketView> GetAsync();

    /// <summary>Returns the full event history.</summary>
    [Alias("GetEvents")]
    Task<IReadOnlyList<TicketEventView>> GetEventsAsync();

    /// <summary>Adds a public reply or an internal note.</summary>
    [Alias("AddMessage")]
    Task<TicketView> AddMessageAsync(string author, string body, bool isInternal, int? expectedVersion);

    /// <summary>Moves the ticket through its state machine.</summary>
    [Alias("ChangeStatus")]
    Task<TicketView> ChangeStatusAsync(string status, string actor, int? expectedVersion);

    /// <summary>Assigns (or unassigns with null) the ticket to an agent.</summary>
    [Alias("Assign")]
    Task<TicketView> AssignAsync(string? agentId, string actor, int? expectedVersion);

    /// <summary>Hands the ticket to the pulling agent if still unassigned and open; null otherwise.</summary>
    [Alias("Claim")]
    Task<TicketView?> ClaimAsync(string agentId);

    /// <summary>Records an SLA breach if the deadline has passed and the ticket still waits; otherwise arms its timer.</summary>
    [Alias("CheckSla")]
    Task CheckSlaAsync();

    /// <summary>Drops the in-memory copy of the ticket after its customer's personal data was erased.</summary>
    [Alias("ForgetPersonalData")]
    Task ForgetPersonalDataAsync();
}
