namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A ticket full of personal data, with what each value must look like when masked.</summary>
public static class PersonalDataSample
{
    public const string Name = "张三丰";
    public const string Phone = "13812345678";
    public const string Email = "zhang.san@example.com";
    public const string IdCard = "110101199003071234";
    public const string Card = "6222 0212 3456 7894";
    public const string Address = "浙江省杭州市西湖区文三路 90 号";

    /// <summary>Every raw value, none of which a masked response may contain.</summary>
    public static IReadOnlyList<string> Raw { get; } = [Name, Phone, Email, IdCard, Card, "文三路", "zhang.san"];

    public static object CreateTicket(string externalId) => new
    {
        channel = "phone",
        customer = new { channel = "phone", externalId, name = Name, phone = Phone, email = Email },
        subject = $"请回电 {Phone}",
        body = $"身份证 {IdCard}，退款到 {Card}，寄到{Address}。",
        category = "refund",
        priority = "normal",
        fields = new Dictionary<string, string> { ["contactPhone"] = Phone, ["address"] = Address, ["orderNo"] = "20261111-42" },
    };

    public static object Message => new { author = Email, body = $"客户邮箱 {Email}，电话 {Phone}", @internal = true };

    /// <summary>Fails unless none of the raw values appears in the text.</summary>
    public static void AssertMasked(string what, string text)
    {
        foreach (var raw in Raw)
        {
            Assert.False(text.Contains(raw, StringComparison.Ordinal), $"{what} shows '{raw}' unmasked: {text}");
        }
    }
}
