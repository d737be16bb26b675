using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>Registers the silo's category classifier: its options (checked at start), the model, loaded by a hosted service.</summary>
public static class IntentServices
{
    public static IServiceCollection AddIntentClassification(this IServiceCollection services)
    {
        services.AddValidatedOptions<IntentOptions>(IntentOptions.Section);
        services.TryAddSingleton<IntentClassifier>();
        services.TryAddSingleton<IIntentClassifier>(sp => sp.GetRequiredService<IntentClassifier>());
        services.AddHostedService(sp => sp.GetRequiredService<IntentClassifier>());
        services.TryAddSingleton<NewTicketClassification>();
        return services;
    }
}
