namespace TicketGrains.Grains.Rules;

/// <summary>A clause of a rule or template document that is wrong, named by its JSON pointer.</summary>
public sealed record RuleProblem(string Pointer, string Message);
