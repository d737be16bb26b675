using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.AutoFill;

/// <summary>/api/v1/intents: the ticket category a message belongs to, from the silos' model (ADR 0020).</summary>
public static class IntentsApi
{
    public static RouteGroupBuilder MapIntentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/intents").WithTags("Intents");
        group.MapPost("/classify", ClassifyAsync).WithName("ClassifyIntent")
            .WithSummary("The ticket category of a message (Chinese, English or mixed), its confidence and the next most likely categories.")
            .Accepts<ClassifyRequest>("application/json").ProducesValidationProblem()
            .RequirePermission(Permissions.TicketsRead);
        return group;
    }

    private static async Task<Ok<IntentClassification>> ClassifyAsync(HttpContext context, IClusterClient cluster)
    {
        var request = await JsonBody.ReadAsync<ClassifyRequest>(context.Request);
        var errors = new FieldErrors();
        var text = ClassifyValidator.Validate(request, errors);
        ValidationFailed.ThrowIfAny(errors);
        var classifier = cluster.Reference<IIntentClassifierGrain>(0);
        return TypedResults.Ok(await GrainRetry.Idempotent(() => classifier.ClassifyAsync(text!), context.RequestAborted));
    }
}
