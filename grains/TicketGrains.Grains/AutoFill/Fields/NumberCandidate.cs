namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>What <see cref="NumberClassifier"/> made of one token; <see cref="Carrier"/> when its format or a nearby name tells.</summary>
public sealed record NumberCandidate(string Name, string Value, double Confidence, NumberToken Token, Carrier? Carrier);
