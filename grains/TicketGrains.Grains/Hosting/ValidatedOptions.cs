using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Binds a configuration section once and checks it when the host starts, so a wrong setting stops the
/// process with the key named instead of surfacing later as odd behaviour under load.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class, IValidatableOptions
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new SectionValidator<T>(section)));
        // Unknown keys are refused: a misspelt setting (Sla__Urgnet) would otherwise be silently ignored.
        return services.AddOptions<T>()
            .BindConfiguration(section, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
    }

    /// <summary>
    /// For the few sections that shape the service graph itself (which schemes, which keys, whether TLS is on): bound
    /// and checked while services are registered, with the same rules, and the one instance is what everything reads.
    /// </summary>
    public static T BindNow<T>(this IConfiguration configuration, string section)
        where T : class, IValidatableOptions, new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        var problems = options.Problems(section).ToList();
        return problems.Count == 0 ? options : throw new OptionsValidationException(section, typeof(T), problems);
    }

    private sealed class SectionValidator<T>(string section) : IValidateOptions<T>
        where T : class, IValidatableOptions
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = options.Problems(section).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
