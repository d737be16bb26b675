namespace TicketGrains.Api.Channels.Web;

/// <summary>An agent's reply kept for a web visitor; <see cref="SealedBody"/> is sealed with the customer's data key.</summary>
public sealed record WebReply(Guid MessageId, string VisitorId, Guid TicketId, Guid CustomerId, string SealedBody, DateTimeOffset SentAt);
