using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Attachments;

/// <summary>Registers attachments: their limits, the PostgreSQL store (unless another is registered first), the vault and the media fetch queue.</summary>
public static class AttachmentServices
{
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddValidatedOptions<AttachmentOptions>(AttachmentOptions.Section);
        services.TryAddSingleton<IAttachmentStore, PostgresAttachmentStore>();
        services.TryAddSingleton<AttachmentVault>();
        services.TryAddSingleton<MediaFetchQueue>();
        services.TryAddSingleton<InboundRecords>();
        return services;
    }

    /// <summary>The silo's part: the pipeline subscriber that queues inbound media for the front ends to fetch.</summary>
    public static IServiceCollection AddMediaFetchQueueing(this IServiceCollection services)
    {
        services.AddAttachments();
        services.AddEventSubscriber<MediaFetchSubscriber>();
        return services;
    }
}
