namespace TicketGrains.Grains.Hosting;

/// <summary>An options class that can tell what is wrong with its values, naming each configuration key.</summary>
public interface IValidatableOptions
{
    /// <summary>One sentence per wrong value, each starting with its full key (e.g. "Sla:Urgent must be positive").</summary>
    IEnumerable<string> Problems(string section);
}
