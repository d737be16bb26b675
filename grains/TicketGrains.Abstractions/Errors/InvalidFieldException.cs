namespace TicketGrains.Abstractions.Errors;

/// <summary>A request field is missing or wrong; maps to 400 with the field named.</summary>
[GenerateSerializer, Alias("TicketGrains.InvalidFieldException")]
public sealed class InvalidFieldException : TicketGrainsException
{
    public InvalidFieldException(string field, string message) : base(message) => Field = field;

    /// <summary>JSON path of the offending field, e.g. <c>customer.externalId</c>.</summary>
    [Id(0)] public string Field { get; init; }
}
