using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// The framework's writer declines when the Accept header names neither JSON nor */* (e.g. "text/html" alone), and
/// IProblemDetailsService.WriteAsync then throws: a refusal or validation error would become a 500. Registered after
/// the default writer, this one always writes application/problem+json, so every error keeps its status and body.
/// </summary>
public sealed class ProblemJsonFallbackWriter : IProblemDetailsWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "application/problem+json";
        var problem = context.ProblemDetails;
        // Serialised by its runtime type so a ValidationProblemDetails keeps its "errors".
        return new ValueTask(JsonSerializer.SerializeAsync(response.Body, problem, problem.GetType(), Json, context.HttpContext.RequestAborted));
    }
}

/// <summary>ProblemDetails for every error, with the fallback writer.</summary>
public static class ProblemDetailsHosting
{
    public static IServiceCollection AddTicketGrainsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // TryAddEnumerable keeps one registration when both the API and the security setup ask for it.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>());
        return services;
    }
}
