using TicketGrains.Grains.EventLog;


namespace TicketGrains.Grains.Encryption;

/// <summary>Seals an event's personal fields before it is stored and opens them when it is read back.</summary>
internal sealed class PersonalEventCodec<TState>(CustomerCipherSlot slot, Func<IDomainEvent, TState, Guid> customerOf)
{
    /// <summary>Seals <paramref name="e"/>; <paramref name="state"/> is the state after it was applied.</summary>
    public ValueTask<IDomainEvent> SealAsync(IDomainEvent e, TState state) => slot.SealAsync(e, customerOf(e, state));

    /// <summary>Opens <paramref name="e"/>; <paramref name="state"/> is the state before it is applied.</summary>
    public ValueTask<IDomainEvent> OpenAsync(IDomainEvent e, TState state) => slot.OpenAsync(e, customerOf(e, state));
}
