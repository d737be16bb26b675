namespace TicketGrains.LinkingBench;

/// <summary>One message as it arrives: who sent it, when, and its text.</summary>
public sealed record Message(Contact From, double At, string Text);
