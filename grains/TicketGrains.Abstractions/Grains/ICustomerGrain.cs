using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>One customer across all channels, keyed "tenant/customerId".</summary>
[Alias("TicketGrains.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Registers the customer on first contact or adds a new identity and profile details.</summary>
    [Alias("Register")]
    Task<CustomerSummary> RegisterAsync(CustomerReference reference);

    /// <summary>
    /// Like <see cref="RegisterAsync"/>, from an identity seen for the first time, whose customer is almost always new:
    /// its registration is appended without reading the customer's stream first (a customer that exists after all turns
    /// it into a conflict, and the registration is decided again on what was read).
    /// </summary>
    [Alias("RegisterFirstContact")]
    Task<CustomerSummary> RegisterFirstContactAsync(CustomerReference reference);

    /// <summary>
    /// Returns the customer with every customer merged into it; a merged customer answers with its survivor.
    /// Throws NotFoundException when unknown.
    /// </summary>
    [Alias("Get")]
    Task<CustomerView> GetAsync();

    /// <summary>
    /// Destroys the customer's data key (crypto-shredding) and drops every in-memory clear copy: the customer's, its
    /// identities' and its tickets'. Throws NotFoundException when unknown; repeating it is harmless.
    /// </summary>
    [Alias("ErasePersonalData")]
    Task<PersonalDataErasure> ErasePersonalDataAsync();

    /// <summary>
    /// Merges <paramref name="customerId"/> (or the customer it answers as) into this customer (or the one this answers
    /// as), recorded on both streams. Returns the merge; a merge already in force is returned as it is.
    /// Throws NotFoundException for this customer unknown, InvalidFieldException naming customerId for itself or unknown.
    /// </summary>
    [Alias("Merge")]
    Task<CustomerMerge> MergeAsync(Guid customerId, string by, string reason);

    /// <summary>Undoes one of this customer's merges; InvalidFieldException naming mergeId when unknown or undone already.</summary>
    [Alias("Unmerge")]
    Task<CustomerMerge> UnmergeAsync(Guid mergeId, string by);

    /// <summary>Brings this customer's stream up to a merge as the other side recorded it (its merge and un-merge).</summary>
    [Alias("RecordMerge")]
    Task RecordMergeAsync(CustomerMerge merge);

    /// <summary>
    /// The customer this one answers as: itself unless merged into another (followed through every merge). This and the
    /// two reads below interleave with anything: a survivor in the middle of a merge or a view asks its members, whose
    /// answers may need the survivor's.
    /// </summary>
    [Alias("Survivor")]
    [AlwaysInterleave]
    Task<Guid> SurvivorAsync();

    /// <summary>
    /// Like <see cref="SurvivorAsync"/>, for a customer that must exist: throws NotFoundException when unknown. A merge
    /// checks the other customer with it, without reading its open tickets as <see cref="OwnAsync"/> would.
    /// </summary>
    [Alias("ExistingSurvivor")]
    [AlwaysInterleave]
    Task<Guid> ExistingSurvivorAsync();

    /// <summary>This customer and every customer merged into it, directly or through another.</summary>
    [Alias("Members")]
    [AlwaysInterleave]
    Task<IReadOnlyList<Guid>> MembersAsync();

    /// <summary>This customer alone, even when merged into another: what a survivor's view gathers from each member.</summary>
    [Alias("Own")]
    [AlwaysInterleave]
    Task<CustomerView> OwnAsync();

    /// <summary>
    /// Tracks whether one of the customer's tickets is open (in memory; rebuilt from the read model). The ticket's log
    /// <paramref name="version"/> orders the notes, which are one-way and may arrive out of order (0: unknown).
    /// </summary>
    [Alias("TrackTicket")]
    [OneWay]
    Task TrackTicketAsync(Guid ticketId, bool open, int version);
}
