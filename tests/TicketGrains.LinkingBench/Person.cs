namespace TicketGrains.LinkingBench;

/// <summary>One generated person: the truth the linker's links are scored against.</summary>
public sealed class Person(int index, string mobile, string email, IReadOnlyList<string> orders)
{
    public int Index { get; } = index;

    public string Mobile { get; } = mobile;

    public string Email { get; } = email;

    public IReadOnlyList<string> Orders { get; } = orders;

    /// <summary>The phone the person gives: a family's shared one for family members, else the own mobile.</summary>
    public string ContactPhone { get; set; } = mobile;

    /// <summary>The other members of the person's family (their orders are sometimes asked about).</summary>
    public List<Person> Family { get; } = [];

    public List<Contact> Identities { get; } = [];

    /// <summary>
    /// Which of the person's identities the messages could join by decisive evidence: an identity joins the group of an
    /// earlier one when it writes (exactly, no typo) an order number or e-mail address that one gave before, or is that
    /// e-mail address. Phone numbers do not join: the linker never links on a phone alone.
    /// </summary>
    public Dictionary<Contact, Contact> Evidence { get; } = [];

    public Contact EvidenceRoot(Contact contact)
    {
        while (Evidence.TryGetValue(contact, out var parent) && parent != contact)
        {
            contact = parent;
        }

        return contact;
    }
}
