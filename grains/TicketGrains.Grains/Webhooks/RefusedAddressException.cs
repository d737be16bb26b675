namespace TicketGrains.Grains.Webhooks;

/// <summary>A webhook URL's host is not a public address (or does not resolve); see <see cref="NetworkGuard"/>.</summary>
public sealed class RefusedAddressException(string message) : Exception(message);
