using System.Reflection;
using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Privacy;

/// <summary>A result as the endpoint returned it (status code, Location), with its value replaced by the masked one.</summary>
public sealed class MaskedResult(int statusCode, string? location, object value) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public int? StatusCode => statusCode;

    public object? Value => value;

    /// <summary>Replaces the value of a typed result; results that render themselves (CSV) are rebuilt with the masked value.</summary>
    public static IResult Replacing(IResult original, object masked) => original switch
    {
        INestedHttpResult nested => Replacing(nested.Result, masked),
        IMaskableResult own => own.WithValue(masked),
        _ => new MaskedResult((original as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK, LocationOf(original), masked),
    };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        return httpContext.Response.WriteAsJsonAsync(value, value.GetType(), httpContext.RequestAborted);
    }

    // Created<T>, Accepted<T> and CreatedAtRoute<T> share no interface for their Location.
    private static string? LocationOf(IResult original) =>
        original.GetType().GetProperty("Location", BindingFlags.Public | BindingFlags.Instance)?.GetValue(original) as string;
}
