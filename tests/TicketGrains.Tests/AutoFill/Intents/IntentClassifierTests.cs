using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.AutoFill.Intents;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Intents;

/// <summary>A model file that is not a model stops the silo at start naming it, and costs an inbound ticket only its category.</summary>
public sealed class IntentClassifierTests : IDisposable
{
    private readonly string _broken = Path.Combine(Path.GetTempPath(), $"broken-model-{Guid.NewGuid():N}.zip");

    public IntentClassifierTests() => File.WriteAllText(_broken, "not a model");

    public void Dispose() => File.Delete(_broken);

    private IntentClassifier Classifier(bool loadAtStart) =>
        new(Options.Create(new IntentOptions { ModelPath = _broken, LoadAtStart = loadAtStart }), NullLogger<IntentClassifier>.Instance);

    [Fact]
    public async Task A_broken_model_file_stops_the_start_naming_its_path()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Classifier(loadAtStart: true).StartAsync(CancellationToken.None));

        Assert.StartsWith($"The category model {_broken} (Intents:ModelPath) cannot be loaded", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_load_at_start_the_start_reads_nothing_and_an_inbound_ticket_opens_general()
    {
        var classifier = Classifier(loadAtStart: false);
        await classifier.StartAsync(CancellationToken.None);
        var inbound = new NewTicketClassification(classifier, Options.Create(new IntentOptions()), NullLogger<NewTicketClassification>.Instance);

        Assert.Equal(CategoryDecision.None, await inbound.DecideAsync("退款", "钱还没到账"));
    }

    [Fact]
    public async Task A_message_without_text_is_not_classified()
    {
        var never = new FixedIntentClassifier("refund", 1);
        var inbound = new NewTicketClassification(never, Options.Create(new IntentOptions()), NullLogger<NewTicketClassification>.Instance);

        Assert.Equal(CategoryDecision.None, await inbound.DecideAsync(null, "  "));
        Assert.Empty(never.Texts);
    }
}
