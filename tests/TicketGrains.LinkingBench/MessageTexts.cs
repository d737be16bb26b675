using System.Globalization;

namespace TicketGrains.LinkingBench;

/// <summary>How customers write their keys, in Chinese and English, with the spacing and full-width variants seen in chats.</summary>
public static class MessageTexts
{
    private static readonly string[] OrderChinese = ["订单号：{0} 还没发货", "我的订单{0}物流三天没动了", "请查一下 {0} 这个订单", "订单 {0} 要退款"];
    private static readonly string[] OrderEnglish = ["Where is my order #{0}?", "order no. {0} has not arrived", "Refund for order {0} please", "Any news on {0}?"];
    private static readonly string[] PhoneChinese = ["手机{0}", "联系电话：{0}", "有问题打我电话 {0}"];
    private static readonly string[] PhoneEnglish = ["call me on {0}", "my phone is {0}", "tel: {0}"];
    private static readonly string[] EmailChinese = ["邮箱 {0}", "发到我邮箱{0}谢谢"];
    private static readonly string[] EmailEnglish = ["my email is {0}", "write to {0}"];
    private static readonly string[] Nothing = ["你好，在吗？", "Hello, any update?", "怎么还没人回复", "thanks!"];

    public static string Order(Random random, string order, bool chinese) => Format(random, chinese ? OrderChinese : OrderEnglish, Digits(random, order));

    public static string Phone(Random random, string phone, bool chinese) => Format(random, chinese ? PhoneChinese : PhoneEnglish, PhoneWriting(random, phone));

    public static string Email(Random random, string email, bool chinese) =>
        Format(random, chinese ? EmailChinese : EmailEnglish, random.Next(4) == 0 ? email.ToUpperInvariant() : email);

    public static string Greeting(Random random) => Nothing[random.Next(Nothing.Length)];

    /// <summary>A mobile as people type it: plain, grouped 3-4-4, with +86, or in full-width digits.</summary>
    private static string PhoneWriting(Random random, string phone) => random.Next(5) switch
    {
        0 => $"{phone[..3]} {phone[3..7]} {phone[7..]}",
        1 => $"+86 {phone}",
        2 => $"{phone[..3]}-{phone[3..7]}-{phone[7..]}",
        3 => FullWidth(phone),
        _ => phone,
    };

    private static string Digits(Random random, string order) => random.Next(10) == 0 ? FullWidth(order) : order;

    private static string FullWidth(string digits) => string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c));

    private static string Format(Random random, string[] templates, string value) =>
        string.Format(CultureInfo.InvariantCulture, templates[random.Next(templates.Length)], value);
}
