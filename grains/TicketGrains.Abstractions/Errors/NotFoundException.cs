namespace TicketGrains.Abstractions.Errors;

/// <summary>The addressed ticket, customer or agent does not exist in this tenant; maps to 404.</summary>
[GenerateSerializer, Alias("TicketGrains.NotFoundException")]
public sealed class NotFoundException : TicketGrainsException
{
    public NotFoundException(string message) : base(message)
    {
    }
}
