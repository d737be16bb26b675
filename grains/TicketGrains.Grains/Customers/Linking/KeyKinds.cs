namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// The kinds of strong key that link a contact to a customer. An order number and an e-mail address belong to one
/// person and decide a link on their own; a phone number is often shared (a family's, a shop's front desk), so it only
/// confirms what another key decided, or leads to a proposal.
/// </summary>
public static class KeyKinds
{
    public const string Order = "order";
    public const string Phone = "phone";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Order, Phone, Email];

    /// <summary>Whether a key of this kind may link a contact to a customer without another key agreeing.</summary>
    public static bool Decides(string kind) => kind is Order or Email;

    /// <summary>How a reason names the kind: "order number", "phone number", "e-mail address".</summary>
    public static string Describe(string kind) => kind switch
    {
        Order => "order number",
        Phone => "phone number",
        Email => "e-mail address",
        _ => kind,
    };
}
