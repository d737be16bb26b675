namespace TicketGrains.Api.AutoFill;

/// <summary>A message to classify into a ticket category.</summary>
/// <param name="Text">What the customer wrote: Chinese, English or both; at most 4,000 characters.</param>
public sealed record ClassifyRequest(string? Text);
