namespace TicketGrains.Api.Infrastructure;

/// <summary>The value an endpoint's result carries (what will be serialized), looking through Results&lt;…&gt; unions.</summary>
public static class ResultValues
{
    public static object? Of(object? result) => result switch
    {
        INestedHttpResult nested => Of(nested.Result),
        IValueHttpResult valued => valued.Value,
        _ => null,
    };
}
