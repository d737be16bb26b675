using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// Registers the pocketsphinx reader as one of the media text readers (source "speech"), with its options checked at
/// start, and the voice notes' transcripts the media fetch records.
/// </summary>
public static class SpeechServices
{
    public static IServiceCollection AddSpeechToText(this IServiceCollection services)
    {
        services.AddValidatedOptions<SpeechOptions>(SpeechOptions.Section);
        services.TryAddSingleton<PocketsphinxReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMediaTextReader, PocketsphinxReader>(sp => sp.GetRequiredService<PocketsphinxReader>()));
        services.TryAddSingleton<VoiceTranscripts>();
        return services;
    }
}
