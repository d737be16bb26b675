using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Rules;

/// <summary>One version of a tenant's document of a kind (<see cref="DocumentKinds"/>).</summary>
public sealed record StoredDocument(string Kind, RuleVersion Version);
