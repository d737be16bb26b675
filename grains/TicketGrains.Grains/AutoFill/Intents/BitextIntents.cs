namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>The ticket category of each Bitext intent (the table in deploy/intents/README.md); intents not listed are not read.</summary>
public static class BitextIntents
{
    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["place_order"] = "presale",
        ["check_payment_methods"] = "presale",
        ["delivery_options"] = "presale",
        ["track_order"] = "logistics",
        ["delivery_period"] = "logistics",
        ["get_refund"] = "refund",
        ["track_refund"] = "refund",
        ["check_refund_policy"] = "refund",
        ["cancel_order"] = "cancel_order",
        ["check_cancellation_fee"] = "cancel_order",
        ["change_order"] = "order_change",
        ["change_shipping_address"] = "order_change",
        ["set_up_shipping_address"] = "order_change",
        ["payment_issue"] = "payment",
        ["check_invoice"] = "invoice",
        ["get_invoice"] = "invoice",
        ["complaint"] = "complaint",
        ["review"] = "feedback",
        ["contact_human_agent"] = "human_agent",
        ["contact_customer_service"] = "human_agent",
        ["create_account"] = "account",
        ["delete_account"] = "account",
        ["edit_account"] = "account",
        ["recover_password"] = "account",
        ["registration_problems"] = "account",
        ["switch_account"] = "account",
        ["newsletter_subscription"] = "account",
    };

    /// <summary>The category of a Bitext intent, or null for one the table does not map.</summary>
    public static string? CategoryOf(string intent) => Categories.GetValueOrDefault(intent);
}
