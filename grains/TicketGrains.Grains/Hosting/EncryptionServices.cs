using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Grains.Hosting;

/// <summary>Registers the encryption of personal data at rest; silos and API front ends both need it.</summary>
public static class EncryptionServices
{
    public static IServiceCollection AddTicketGrainsEncryption(this IServiceCollection services)
    {
        services.AddValidatedOptions<EncryptionOptions>("Encryption");
        services.TryAddSingleton(sp => new MasterKeys(sp.GetRequiredService<IOptions<EncryptionOptions>>().Value));
        services.TryAddSingleton<PostgresKeyStore>();
        services.TryAddSingleton<KeyRing>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KeyErasureListener>());
        services.TryAddSingleton<IPersonalDataProtection>(sp => sp.GetRequiredService<IOptions<EncryptionOptions>>().Value.Enabled
            ? sp.GetRequiredService<KeyRing>()
            : new ClearProtection());
        return services;
    }
}
