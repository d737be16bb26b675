using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// The silo's classifier: loads the model file of <see cref="IntentOptions.ModelPath"/> once, at start unless
/// <see cref="IntentOptions.LoadAtStart"/> is off (the integration tests' silos load it at their first message instead).
/// </summary>
public sealed class IntentClassifier(IOptions<IntentOptions> options, ILogger<IntentClassifier> logger) : IIntentClassifier, IHostedService
{
    private readonly Lazy<Task<IntentModel>> _model = new(() => Task.Run(() => Load(options.Value.ModelPath, logger)));

    public async Task<IntentClassification> ClassifyAsync(string text, CancellationToken cancellationToken = default)
    {
        var model = await _model.Value.WaitAsync(cancellationToken);
        return model.Classify(text.Length > IntentOptions.MaxTextLength ? text[..IntentOptions.MaxTextLength] : text);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.LoadAtStart)
        {
            await _model.Value.WaitAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IntentModel Load(string path, ILogger logger)
    {
        try
        {
            var model = IntentModel.Load(path);
            // jieba reads its dictionary at the first message; reading it now keeps that off the first request.
            model.Classify("你好");
            logger.LogInformation("Category model {Path} loaded: {Count} categories", Path.GetFullPath(path), model.Categories.Count);
            return model;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"The category model {Path.GetFullPath(path)} (Intents:ModelPath) cannot be loaded: {e.Message} " +
                "Build it again with deploy/local/intent-model.sh --force.", e);
        }
    }
}
