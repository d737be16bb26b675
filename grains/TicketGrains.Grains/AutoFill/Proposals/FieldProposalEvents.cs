using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.AutoFill.Proposals;

/// <summary>
/// One field value read from the ticket: <see cref="Field"/> is its name (orderNo, trackingNo …; not "name", which the
/// event view's masking would take for a person's name), <see cref="Filled"/> whether it went into the ticket's fields or
/// waits as a proposal. Its value is sealed with the customer's key like the ticket's fields.
/// </summary>
public sealed record FieldFinding(string Field, string Value, double Confidence, string Source, Guid? AttachmentId, bool Filled);

/// <summary>
/// The fields read from the ticket's event at <paramref name="FromVersion"/> (its text, an image, a voice note), each
/// filled or proposed. Recorded once per event, so a repeated pipeline page finds it and proposes nothing again.
/// </summary>
public sealed record FieldsProposed(int FromVersion, IReadOnlyList<FieldFinding> Fields, DateTimeOffset At) : IDomainEvent;

/// <summary>An agent accepted a proposed field: <paramref name="Value"/> (sealed) is set, with <paramref name="Source"/> as its origin.</summary>
public sealed record ProposedFieldAccepted(string Field, string Value, string Source, string Actor, DateTimeOffset At) : IDomainEvent;

/// <summary>An agent rejected a proposed field: the proposal is dropped, the ticket's fields stay as they were.</summary>
public sealed record ProposedFieldRejected(string Field, string Actor, DateTimeOffset At) : IDomainEvent;
