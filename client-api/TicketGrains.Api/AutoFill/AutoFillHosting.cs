using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Ocr;

namespace TicketGrains.Api.AutoFill;

/// <summary>Registers what POST /api/v1/extract needs: the field extractors, the OCR reader, the file path.</summary>
public static class AutoFillHosting
{
    public static IServiceCollection AddExtractApi(this IServiceCollection services)
    {
        services.AddFieldExtraction();
        services.AddOcr();
        services.AddSingleton<MediaExtraction>();
        return services;
    }
}
