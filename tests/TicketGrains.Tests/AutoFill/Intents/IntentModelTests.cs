using TicketGrains.Grains.AutoFill.Intents;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Intents;

/// <summary>The trainer and the model on a handful of messages (trained once for the class: a second or so).</summary>
public sealed class IntentModelTests : IClassFixture<IntentModelTests.SmallModel>
{
    private readonly IntentModel _model;

    public IntentModelTests(SmallModel small) => _model = small.Model;

    [Theory]
    [InlineData("退款什么时候到账 订单 20261231-7", "refund")]
    [InlineData("my refund has not arrived yet", "refund")]
    [InlineData("快递到哪了", "logistics")]
    [InlineData("where is my parcel", "logistics")]
    [InlineData("怎么开发票", "invoice")]
    [InlineData("I need an invoice 发票", "invoice")]
    public void Unseen_messages_get_the_category_of_their_kind(string text, string category) =>
        Assert.Equal(category, _model.Classify(text).Category);

    [Fact]
    public void Alternatives_are_the_other_categories_less_likely_and_confidences_are_probabilities()
    {
        var result = _model.Classify("退款");

        Assert.Equal(["invoice", "logistics", "refund"], result.Alternatives.Select(a => a.Category).Append(result.Category).Order());
        Assert.All(result.Alternatives, a => Assert.True(a.Confidence <= result.Confidence));
        Assert.InRange(result.Confidence + result.Alternatives.Sum(a => a.Confidence), 0.99, 1.01);
    }

    [Fact]
    public void A_saved_model_loads_and_answers_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"intent-model-{Guid.NewGuid():N}.zip");
        try
        {
            _model.Save(path);
            var loaded = IntentModel.Load(path);

            Assert.Equal(_model.Classify("发票抬头写错了"), loaded.Classify("发票抬头写错了"), new ClassificationComparer());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_same_data_and_seed_train_the_same_model()
    {
        var again = IntentModelTrainer.Train(SmallModel.Examples, seed: 7);

        Assert.Equal(SmallModel.Train().Classify("where is my refund").Confidence, again.Classify("where is my refund").Confidence);
    }

    public sealed class SmallModel
    {
        public static readonly IReadOnlyList<LabelledText> Examples =
        [
            .. new[] { "我要退款", "退款还没到账", "钱什么时候退给我", "refund please", "I want my money back", "where is my refund" }
                .Select(t => new LabelledText(t, "refund", "test")),
            .. new[] { "我的快递到哪了", "物流信息查不到", "什么时候发货", "track my order", "where is my package", "when will it arrive" }
                .Select(t => new LabelledText(t, "logistics", "test")),
            .. new[] { "开发票", "我要增值税发票", "发票抬头", "send me an invoice", "I need a receipt and invoice", "invoice for my order" }
                .Select(t => new LabelledText(t, "invoice", "test")),
        ];

        public IntentModel Model { get; } = Train();

        public static IntentModel Train() => IntentModelTrainer.Train(Examples, seed: 7);
    }

    private sealed class ClassificationComparer : IEqualityComparer<TicketGrains.Abstractions.Contracts.IntentClassification>
    {
        public bool Equals(TicketGrains.Abstractions.Contracts.IntentClassification? x, TicketGrains.Abstractions.Contracts.IntentClassification? y) =>
            x!.Category == y!.Category && x.Confidence == y.Confidence && x.Alternatives.SequenceEqual(y.Alternatives);

        public int GetHashCode(TicketGrains.Abstractions.Contracts.IntentClassification obj) => obj.Category.GetHashCode(StringComparison.Ordinal);
    }
}
