namespace TicketGrains.Grains.Customers.Linking;

/// <summary>What the linker decided about a contact.</summary>
public enum LinkOutcome
{
    /// <summary>No key points at another customer: the contact's own customer, keys recorded.</summary>
    Same,

    /// <summary>One consistent strong key points at one other customer: the contact's customer is merged into it.</summary>
    Link,

    /// <summary>Evidence conflicts or is too weak to merge on: proposals for a person to decide; nothing merged.</summary>
    Propose,
}
