using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.AutoFill.Ocr;

/// <summary>Registers the tesseract reader among the <see cref="IMediaTextReader"/>s, its options validated at start.</summary>
public static class OcrServices
{
    public static IServiceCollection AddOcr(this IServiceCollection services)
    {
        services.AddValidatedOptions<OcrOptions>(OcrOptions.Section);
        services.TryAddSingleton<TesseractReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMediaTextReader, TesseractReader>(sp => sp.GetRequiredService<TesseractReader>()));
        return services;
    }
}
