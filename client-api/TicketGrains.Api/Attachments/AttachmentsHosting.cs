using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Speech;

namespace TicketGrains.Api.Attachments;

/// <summary>Registers the front end's attachment services: the vault and store, files carried in requests, and the channel media fetch.</summary>
public static class AttachmentsHosting
{
    public static IServiceCollection AddAttachmentsApi(this IServiceCollection services)
    {
        services.AddAttachments();
        services.AddSingleton<CarriedFiles>();
        // The fetch keeps a voice note's transcript: the platform's recognition, else the speech reader's.
        services.AddSpeechToText();
        services.AddSingleton<MediaFetchRun>();
        services.AddHostedService<MediaFetchWorker>();
        return services;
    }
}
