namespace TicketGrains.Api.Infrastructure;

/// <summary>A result that renders its value itself (not as JSON), and can be rebuilt around a masked value.</summary>
public interface IMaskableResult : IResult, IValueHttpResult
{
    IResult WithValue(object value);
}
