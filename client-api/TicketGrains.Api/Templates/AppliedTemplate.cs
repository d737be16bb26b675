namespace TicketGrains.Api.Templates;

/// <summary>
/// What applying a template did: <see cref="Rules"/> are the rules written (the template's, and earlier templates'
/// rules it disabled); <see cref="NotApplied"/> names the parts of the bundle this version does not apply.
/// </summary>
public sealed record AppliedTemplate(string Name, IReadOnlyList<string> Rules, IReadOnlyList<string> NotApplied);
