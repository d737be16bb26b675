namespace TicketGrains.Api.Privacy;

/// <summary>
/// A named value (a ticket field, a JSON property of an event): its name picks the structured rule (phone, e-mail,
/// name, address, identity card, bank card); any other value is masked as free text.
/// </summary>
public static class FieldMask
{
    private static readonly Dictionary<string, Func<string, string>> ByName = new(StringComparer.Ordinal)
    {
        ["phone"] = PhoneMask.Mask, ["mobile"] = PhoneMask.Mask, ["tel"] = PhoneMask.Mask, ["telephone"] = PhoneMask.Mask,
        ["contactphone"] = PhoneMask.Mask, ["phonenumber"] = PhoneMask.Mask, ["手机"] = PhoneMask.Mask, ["手机号"] = PhoneMask.Mask,
        ["电话"] = PhoneMask.Mask, ["联系电话"] = PhoneMask.Mask,
        ["email"] = EmailMask.Mask, ["mail"] = EmailMask.Mask, ["emailaddress"] = EmailMask.Mask, ["邮箱"] = EmailMask.Mask,
        ["name"] = NameMask.Mask, ["customername"] = NameMask.Mask, ["contactname"] = NameMask.Mask, ["fullname"] = NameMask.Mask,
        ["receiver"] = NameMask.Mask, ["recipient"] = NameMask.Mask, ["姓名"] = NameMask.Mask, ["收货人"] = NameMask.Mask,
        ["联系人"] = NameMask.Mask,
        ["address"] = AddressMask.Mask, ["shippingaddress"] = AddressMask.Mask, ["deliveryaddress"] = AddressMask.Mask,
        ["地址"] = AddressMask.Mask, ["收货地址"] = AddressMask.Mask,
        ["idcard"] = IdCardMask.Mask, ["idcardno"] = IdCardMask.Mask, ["idnumber"] = IdCardMask.Mask, ["身份证"] = IdCardMask.Mask,
        ["身份证号"] = IdCardMask.Mask,
        ["bankcard"] = BankCardMask.Mask, ["cardno"] = BankCardMask.Mask, ["cardnumber"] = BankCardMask.Mask,
        ["bankaccount"] = BankCardMask.Mask, ["银行卡"] = BankCardMask.Mask, ["银行卡号"] = BankCardMask.Mask,
    };

    /// <summary>Whether a field of this name holds a postal address (address, shipping_address, 收货地址 …).</summary>
    public static bool IsAddress(string name) => ByName.TryGetValue(Normalize(name), out var rule) && rule == (Func<string, string>)AddressMask.Mask;

    public static string Mask(string name, string value) =>
        ByName.TryGetValue(Normalize(name), out var rule) ? rule(value) : FreeTextMask.Mask(value);

    /// <summary>"contact_phone", "Contact-Phone" and "contactPhone" are one name.</summary>
    private static string Normalize(string name) =>
        string.Concat(name.Where(c => c is not ('_' or '-' or '.' or ' ')).Select(char.ToLowerInvariant));
}
