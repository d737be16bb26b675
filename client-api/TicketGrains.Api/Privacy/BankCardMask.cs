namespace TicketGrains.Api.Privacy;

/// <summary>Bank and payment card numbers: only the last 4 digits (<c>6222 0212 3456 7890</c> → <c>**** **** **** 7890</c>).</summary>
public static class BankCardMask
{
    public static string Mask(string number) => CharacterMask.KeepEnds(number.Trim(), 0, 4);
}
