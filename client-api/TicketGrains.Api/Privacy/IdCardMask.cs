namespace TicketGrains.Api.Privacy;

/// <summary>Identity card numbers (18 characters, or the old 15): the first 3 and last 4 (<c>110***********1234</c>).</summary>
public static class IdCardMask
{
    public static string Mask(string number) => CharacterMask.KeepEnds(number.Trim(), 3, 4);
}
