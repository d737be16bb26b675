using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Grains.Hosting;

/// <summary>Registers the encryption of personal data at rest; silos and API front ends both need it.</summary>
public static class EncryptionServices
{
    public static IServiceCollection AddTicketGrainsEncryption(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EncryptionOptions>().Bind(configuration.GetSection("Encryption"))
            .Validate(o => o.KeyCacheSize > 0 && o.KeyCacheTtl > TimeSpan.Zero, "Encryption:KeyCacheSize and Encryption:KeyCacheTtl must be positive")
            // Loading the master keys here makes a missing or malformed key stop the process at start, with its reason.
            .Validate(o => !o.Enabled || new MasterKeys(o).CurrentId.Length > 0, "Encryption:MasterKey is not usable")
            .ValidateOnStart();
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
