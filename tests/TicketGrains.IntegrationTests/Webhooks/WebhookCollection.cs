namespace TicketGrains.IntegrationTests.Webhooks;

/// <summary>The webhook delivery tests share one silo set up for local receivers.</summary>
[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookClusterFixture>
{
    public const string Name = "webhooks";
}
