namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>A carrier's name where it stands in a (shaped) text.</summary>
public sealed record CarrierMention(Carrier Carrier, int Start, int Length);
