using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Api.Security;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Api.Pipeline;

/// <summary>
/// /api/v1/pipeline: the committed-event pipeline's state for operators. Cluster-wide (subscribers see every tenant's
/// events), so only admins of the operator tenant may read it.
/// </summary>
public static class PipelineApi
{
    /// <summary>Every subscriber that has run at least once, by name.</summary>
    public sealed record Subscribers(IReadOnlyList<SubscriberLag> Items);

    public static RouteGroupBuilder MapPipelineApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/pipeline").WithTags("Pipeline");
        group.MapGet("/subscribers", ListSubscribersAsync).WithName("ListPipelineSubscribers")
            .WithSummary("Each subscriber's checkpoint and how far it is behind the head of the event log (events and seconds), with its latest failure.")
            .RequireOperator(app.Services);
        return group;
    }

    private static async Task<Ok<Subscribers>> ListSubscribersAsync(SubscriberLagQuery lag, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Subscribers(await lag.ReadAsync(cancellationToken)));
}
